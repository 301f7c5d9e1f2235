/// Submission ids as the web service lets them be created: checked once, where an upload comes
/// in, so every id the store holds can be opened again (`/submissions/{id}`) and none is another
/// unit's.
enum SubmissionIdentifier {
    static let maxLength = 128

    /// Why `id` cannot name a submission, or nil: 1 to 128 ASCII letters, digits, '.', '_' and '-',
    /// beginning with a letter or digit (no '/', no '..', nothing a URL or a file name reads apart).
    static func problem(_ id: String) -> String? {
        guard !id.isEmpty, id.utf8.count <= maxLength else {
            return "submission: 1 to \(maxLength) characters (got \(id.utf8.count))"
        }
        guard id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-") }),
              let first = id.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first), !id.contains("..")
        else { return "submission: only letters a-z, digits, '.', '_' and '-', beginning with a letter or digit" }
        return nil
    }

    /// Whether a unit may create `id`: it begins with the unit's slug and '-', and not with the slug
    /// of another registered unit whose slug extends it (unit H-BATO cannot take 'h-bato-tt-…',
    /// which unit H-BATO-TT's form makes). Who owns a recorded id is the store's unit column
    /// (`InboxHandoff`); this keeps a unit from squatting on ids another unit will need.
    static func may(_ unit: String, create id: String, registeredUnits: [String]) -> Bool {
        let own = SubmissionForm.slug(unit)
        guard !own.isEmpty, id.lowercased().hasPrefix(own + "-") else { return false }
        return !registeredUnits.contains { other in
            let slug = SubmissionForm.slug(other)
            return slug.count > own.count && slug != own && id.lowercased().hasPrefix(slug + "-")
        }
    }
}
