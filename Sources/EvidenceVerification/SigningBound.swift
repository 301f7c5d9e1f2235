package import EvidenceModel

/// The latest day a signed document can be dated: a document is issued, then signed, so its date
/// is never after the first signing time of its intact signatures. A bound only: the signing is
/// usually 0–3 days after the printed date, sometimes weeks, so it refuses a day, never gives one.
package enum SigningBound {
    /// The first signing time of the intact signatures, as the latest calendar date it can be
    /// anywhere it was signed; nil without an intact signature with a time.
    package static func latestDay(_ signatures: [PDFSignature]) -> ISODate? {
        signatures.filter { $0.status == .valid }
            .compactMap { $0.signingTime.flatMap(DocumentInspector.latestLocalDate) }.min()
    }
}
