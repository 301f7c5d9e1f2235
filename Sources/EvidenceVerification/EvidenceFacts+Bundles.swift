import EvidenceModel

extension EvidenceFacts {
    /// The facts of one document of a bundle: its fields, and its pages for the flags.
    func restricted(to part: DocumentPart) -> EvidenceFacts {
        var facts = self
        facts.fields = part.fields
        facts.part = part.pages
        // Its own pages only: the signer's role, the topic and the text checks read this document.
        facts.document?.perPage.removeAll { !part.pages.contains($0.page) }
        return facts
    }

    /// The documents these facts stand for: a bundle's, one by one; an archive's, those of each of
    /// its files; else the file itself.
    var documents: [EvidenceFacts] {
        if let members { return members.flatMap(\.documents) }
        guard let parts = fields?.documents, parts.count > 1 else { return [self] }
        return parts.map(restricted)
    }

    /// What an evidence item is checked against. A file of one document: the file. A bundle, or an
    /// archive of files: the document that fits the declaration (its number, else its type and
    /// date); with nothing declared, every document when the rule counts documents (each counts
    /// once), else the first of a type the rule accepts (a readable one before an unreadable one).
    func candidates(for item: Submission.Evidence, rule: EvidenceRule) -> [EvidenceFacts] {
        let documents = documents
        guard documents.count > 1 else { return documents.isEmpty ? [self] : documents }
        func accepted(_ facts: EvidenceFacts) -> Bool {
            rule.types.isEmpty || facts.fields?.type.map { type in rule.types.contains { $0.folded == type.folded } } ?? false
        }
        if let declared = item.number,
           let match = documents.first(where: { $0.fields?.number.map { Tolerant.sameNumber($0, declared) } ?? false })
            ?? documents.first(where: { $0.fields?.number.map { Tolerant.plausiblySameNumber(declared, $0) } ?? false }) {
            return [match]
        }
        if let declared = item.date.flatMap(ISODate.init),
           let match = documents.first(where: { $0.fields?.date.flatMap(ISODate.init) == declared && accepted($0) }) {
            return [match]
        }
        if item.number == nil, item.date == nil, rule.count != nil || rule.minDocuments > 1 {
            return documents
        }
        let readable = documents.filter { $0.document != nil }
        return [readable.first(where: accepted) ?? readable.first ?? documents[0]]
    }
}
