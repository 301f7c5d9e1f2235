/// Where a page's text came from.
package enum PageSource: String, Codable, Sendable {
    /// The PDF's own text layer (or a plain-text upload).
    case text
    /// Tesseract on the rendered or embedded page image.
    case ocr
}

/// The text of one page, with the layout the parser needs to read the header's two columns apart.
package struct PageText: Codable, Hashable, Sendable {
    /// 1-based page number.
    package var page: Int
    package var source: PageSource
    /// Mean OCR confidence (0...1); nil for a text layer.
    package var confidence: Double?
    package var text: String
    /// Lines in reading order with their boxes; empty when the source has no layout (plain text).
    package var lines: [TextLine]
    /// OCR pages: degrees clockwise (0, 90, 180, 270) the page was turned before OCR, from the page as
    /// a viewer shows it (a PDF page with its /Rotate, a photo with its EXIF orientation) to the
    /// upright image whose frame `lines` and their boxes are in. nil for text-layer pages.
    package var rotation: Int?

    package init(page: Int, source: PageSource, confidence: Double? = nil, text: String, lines: [TextLine] = [], rotation: Int? = nil) {
        self.page = page; self.source = source; self.confidence = confidence; self.text = text; self.lines = lines
        self.rotation = rotation
    }
}
