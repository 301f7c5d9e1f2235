extension ExtractedDocument {
    /// The document with its line boxes but without word boxes. Words are what the parser reads
    /// the header's columns from; once parsed, they are most of the document's size and nothing
    /// else reads them, so they are neither sent between processes nor stored.
    package var withoutWordBoxes: ExtractedDocument {
        var copy = self
        copy.perPage = perPage.map { page in
            var page = page
            page.lines = page.lines.map { TextLine(text: $0.text, box: $0.box) }
            return page
        }
        return copy
    }
}
