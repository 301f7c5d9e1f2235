import GRDB

/// A row of `claim_evidence`: one evidence item a claim names, with what the unit declares about it.
struct ClaimEvidenceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "claim_evidence"

    var submissionId: String
    var claimIndex: Int
    /// 0-based position in the claim's `evidence` list.
    var position: Int
    var file: String
    var number: String?
    var date: String?
    var signer: String?

    enum Columns {
        static let submissionId = Column(CodingKeys.submissionId)
    }
}
