import EvidenceModel
import Foundation
import GRDB

/// A row of `submissions`: the latest revision of one manifest. See `Store+Migrations.swift`.
struct SubmissionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "submissions"

    /// The manifest's `submission` string.
    var id: String
    var unitCode: String
    var unitName: String
    var unitLevel: Submission.Level
    var framework: String
    var periodFrom: String
    var periodTo: String
    /// JSON: the whole `Submission`.
    var manifest: Submission
    /// Of the manifest's bytes, to tell an unchanged re-upload from a changed one.
    var manifestSHA256: String
    var revision: Int
    var state: SubmissionState
    var failureReason: String?
    var createdAt: Date
    var updatedAt: Date
    var checkedAt: Date?
    /// v5: a unit's pre-check, whose flags stay with the unit.
    var precheck: Bool

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let state = Column(CodingKeys.state)
        static let failureReason = Column(CodingKeys.failureReason)
        static let createdAt = Column(CodingKeys.createdAt)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    var unit: Submission.Unit { Submission.Unit(code: unitCode, name: unitName, level: unitLevel) }
}
