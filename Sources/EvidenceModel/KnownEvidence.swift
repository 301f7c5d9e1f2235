/// One evidence item a submission gave for one of its claims, as `duplicate-evidence` compares
/// it: the same content (sha256) or the same document (number and issuer) used by two units.
/// The store answers with these for other submissions; a batch builds them for its own.
package struct KnownEvidence: Hashable, Sendable, Codable {
    package var submission: String
    package var unitCode: String
    /// 0-based claim position in that submission.
    package var claimIndex: Int
    package var indicator: String
    /// As named in the manifest, relative to the submission.
    package var file: String
    /// Nil when the manifest names a file the submission did not contain: it collides with nothing.
    package var sha256: String?
    /// The parsed number and issuer, only when both were read with confidence.
    package var number: String?
    package var issuer: String?

    package init(submission: String, unitCode: String, claimIndex: Int, indicator: String, file: String,
                sha256: String?, number: String? = nil, issuer: String? = nil) {
        self.submission = submission; self.unitCode = unitCode; self.claimIndex = claimIndex
        self.indicator = indicator; self.file = file; self.sha256 = sha256; self.number = number
        self.issuer = issuer
    }

    /// The key its number is found under (`DocumentNumber.key`), when it identifies a document.
    package var numberKey: String? {
        guard let number, issuer != nil else { return nil }
        let key = DocumentNumber.key(number)
        return key.isEmpty ? nil : key
    }
}
