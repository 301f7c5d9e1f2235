/// The name of a parsed field: the key of `DocumentFields.fieldConfidence`, `fieldStatus` and
/// `locations`, and what a `needs-review` flag points at. One list, used by every layer.
package enum DocumentField: String, Codable, CodingKeyRepresentable, Hashable, Sendable, CaseIterable {
    case type, typeName, number, issuer, parent, place, date, title, draft, references
    /// The signature block as a whole (name, title and authority).
    case signer
    /// The signer's name line and position line, kept apart so each has its own place on the page.
    case signerName, signerTitle
    /// Minutes: the secretary's block beside the chair's.
    case secretary
}

/// Why a field is null although the page holds something there: the appraiser must read it.
package enum FieldStatus: String, Codable, Hashable, Sendable {
    /// Filled in by hand into a printed blank (the number after 'Số:', the day after 'ngày').
    case handwritten
    /// Printed or written, but not read with enough confidence to report.
    case illegible
}
