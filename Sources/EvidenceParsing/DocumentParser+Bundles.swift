package import EvidenceModel

extension DocumentParser {
    /// The fields of a file that may hold several documents (a scanned bundle): each document is
    /// parsed from its own pages; the top-level fields are the first document's, and `documents`
    /// lists them all when there is more than one.
    package func parseDocuments(_ pages: [PageText]) -> DocumentFields {
        let starts = BundleSplitter.documentStarts(pages)
        guard starts.count > 1 else { return parse(pages) }
        let ends = starts.dropFirst().map { $0 - 1 } + [pages.count - 1]
        let parts = zip(starts, ends).map { start, end in
            DocumentPart(firstPage: pages[start].page, lastPage: pages[end].page, fields: parse(Array(pages[start...end])))
        }
        var first = parts[0].fields
        first.documents = parts
        return first
    }
}

/// Where the documents of a bundle start: a page whose top carries a Decree 30 header (the national
/// motto beside the issuing body, or the number line) opens a new document; appendices ('PHỤ LỤC',
/// 'kèm theo Kế hoạch số …') and continuation pages stay with the document before them.
enum BundleSplitter {
    /// Lines read at the top of a page.
    static let topLines = 14

    /// Indices (into `pages`) of the first page of each document; always starts with 0.
    static func documentStarts(_ pages: [PageText]) -> [Int] {
        guard pages.count > 1 else { return [0] }
        var starts = [0]
        for index in pages.indices.dropFirst() where opensDocument(pages[index].text) {
            starts.append(index)
        }
        return starts
    }

    static func opensDocument(_ text: String) -> Bool {
        let top = text.split(whereSeparator: \.isNewline).lazy.map { FastFold.key(String($0)) }
            .filter { !$0.isEmpty }.prefix(topLines)
        var motto = false, issuerOrNumber = false
        for line in top {
            if line.contains("PHU LUC") || line.contains("KEM THEO") { return false }
            if (line.contains("CONG HOA") && (line.contains("XA HOI") || line.contains("VIET NAM")))
                || (line.contains("DOC LAP") && line.contains("HANH PHUC")) { motto = true }
            if BodyWords.startsWithOrgan(line) || line.hasPrefix("SO:") || line.hasPrefix("SO.") { issuerOrNumber = true }
        }
        return motto && issuerOrNumber
    }
}
