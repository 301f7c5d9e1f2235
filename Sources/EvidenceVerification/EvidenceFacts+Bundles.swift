package import EvidenceModel

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

    /// What an evidence item is checked against. A file of one document: the file. A bundle: the
    /// document that fits the declaration (its number, else its type and date); with nothing
    /// declared, every document when the rule counts documents (each counts once), else the first
    /// of a type the rule accepts.
    func candidates(for item: Submission.Evidence, rule: EvidenceRule) -> [EvidenceFacts] {
        guard let parts = fields?.documents, parts.count > 1 else { return [self] }
        if let declared = item.number,
           let part = parts.first(where: { $0.fields.number.map { Tolerant.sameNumber($0, declared) } ?? false }) {
            return [restricted(to: part)]
        }
        if let declared = item.date.flatMap(ISODate.init),
           let part = parts.first(where: { part in
               part.fields.date.flatMap(ISODate.init) == declared
                   && (rule.types.isEmpty || part.fields.type.map { type in rule.types.contains { $0.folded == type.folded } } ?? false)
           }) {
            return [restricted(to: part)]
        }
        if item.number == nil, item.date == nil, rule.count != nil || rule.minDocuments > 1 {
            return parts.map(restricted)
        }
        let fitting = parts.first { part in
            rule.types.isEmpty || part.fields.type.map { type in rule.types.contains { $0.folded == type.folded } } ?? false
        }
        return [restricted(to: fitting ?? parts[0])]
    }
}
