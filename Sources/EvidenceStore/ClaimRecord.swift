import GRDB

/// A row of `claims`: one claimed score of a submission's latest revision.
struct ClaimRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "claims"

    var submissionId: String
    /// 0-based position in the manifest.
    var claimIndex: Int
    var indicator: String
    var score: Double

    enum Columns {
        static let submissionId = Column(CodingKeys.submissionId)
    }
}
