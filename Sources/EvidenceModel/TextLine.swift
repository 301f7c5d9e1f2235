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
        /// The OCR engine's confidence in this word (0...1); nil for a text layer. Hand-filled figures
        /// read with low confidence: the parser abstains on them instead of reporting a misreading.
        public var confidence: Double?
        public init(text: String, box: Box, confidence: Double? = nil) {
            self.text = text; self.box = box; self.confidence = confidence
        }
    }
}
