import GRDB

/// A row of `submission_files`: a file of the submission's latest revision and its content.
struct SubmissionFileRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "submission_files"

    var submissionId: String
    /// Relative to the submission folder.
    var path: String
    /// The intake's content-addressed copy; a `documents` row.
    var sha256: String

    enum Columns {
        static let submissionId = Column(CodingKeys.submissionId)
    }
}
