package import EvidenceModel

/// Several made-up documents scanned into one file: a page each, fields per document as the
/// bundle-aware parser gives them (the first document's at the top, all of them in `documents`).
package struct VerificationFakeBundle: Sendable {
    package var file: String
    package var documents: [VerificationFakeDocument]

    package init(file: String, documents: [VerificationFakeDocument]) { self.file = file; self.documents = documents }

    package var extracted: ExtractedDocument {
        let pages = documents.enumerated().map { PageText(page: $0.offset + 1, source: .text, text: $0.element.text) }
        return ExtractedDocument(file: file, sha256: documents.map(\.sha256).joined().prefix(64).description, format: .pdf,
                                 pages: pages.count, perPage: pages)
    }

    package var fields: DocumentFields {
        let parts = documents.enumerated().map { index, document in
            var fields = document.fields
            for (key, location) in fields.locations { fields.locations[key] = .init(page: index + 1, line: location.line) }
            return DocumentPart(firstPage: index + 1, lastPage: index + 1, fields: fields)
        }
        var first = parts[0].fields
        first.documents = parts
        return first
    }
}
