/// One line of text as laid out on the page, with its words when the engine gives them.
public struct TextLine: Codable, Hashable, Sendable {
    public var text: String
    public var box: Box
    public var words: [Word]

    public init(text: String, box: Box, words: [Word] = []) {
        self.text = text; self.box = box; self.words = words
    }

    public struct Word: Codable, Hashable, Sendable {
        public var text: String
        public var box: Box
        public init(text: String, box: Box) { self.text = text; self.box = box }
    }
}
