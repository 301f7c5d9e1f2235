/// One line of text as laid out on the page, with its words when the engine gives them.
package struct TextLine: Codable, Hashable, Sendable {
    package var text: String
    package var box: Box
    package var words: [Word]

    package init(text: String, box: Box, words: [Word] = []) {
        self.text = text; self.box = box; self.words = words
    }

    package struct Word: Codable, Hashable, Sendable {
        package var text: String
        package var box: Box
        /// The OCR engine's confidence in this word (0...1); nil for a text layer. Hand-filled figures
        /// read with low confidence: the parser abstains on them instead of reporting a misreading.
        package var confidence: Double?
        package init(text: String, box: Box, confidence: Double? = nil) {
            self.text = text; self.box = box; self.confidence = confidence
        }
    }
}
