/// One evidence item another submission gave for one of its claims, for `duplicate-evidence`:
/// the same content (sha256) or the same document (number and issuer) used by two units.
public struct KnownEvidence: Hashable, Sendable, Codable {
    public var submission: String
    public var unitCode: String
    public var claimIndex: Int
    public var indicator: String
    /// As named in the manifest, relative to the submission.
    public var file: String
    /// Nil when the manifest names a file the submission did not contain.
    public var sha256: String?
    /// As parsed from the document; nil until parsed or when unreadable.
    public var number: String?
    public var issuer: String?

    public init(submission: String, unitCode: String, claimIndex: Int, indicator: String, file: String,
                sha256: String?, number: String?, issuer: String?) {
        self.submission = submission; self.unitCode = unitCode; self.claimIndex = claimIndex
        self.indicator = indicator; self.file = file; self.sha256 = sha256; self.number = number
        self.issuer = issuer
    }
}
