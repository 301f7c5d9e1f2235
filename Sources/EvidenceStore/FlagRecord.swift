import EvidenceModel
import Foundation
import GRDB

/// A row of `flags`: the queue itself. The autoincremented id is the queue order.
struct FlagRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "flags"

    var id: Int64?
    var submissionId: String
    /// The submission revision whose check found it.
    var revision: Int
    var claimIndex: Int
    var indicator: String
    var score: Double
    var reason: FlagReason
    var message: String
    var file: String?
    var page: Int?
    var expected: String?
    var found: String?
    /// The field a finding is about, and its place on the page (JSON), for the review screen (v4).
    var field: DocumentField?
    var box: Box?
    var createdAt: Date
    /// Set, never deleted, when a later result no longer holds this flag.
    var supersededAt: Date?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let submissionId = Column(CodingKeys.submissionId)
        static let supersededAt = Column(CodingKeys.supersededAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(submissionId: String, revision: Int, claim: ClaimResult, flag: Flag, createdAt: Date) {
        self.id = nil; self.submissionId = submissionId; self.revision = revision
        self.claimIndex = claim.index; self.indicator = claim.indicator; self.score = claim.score
        self.reason = flag.reason; self.message = flag.message; self.file = flag.file; self.page = flag.page
        self.expected = flag.expected; self.found = flag.found
        self.field = flag.field; self.box = flag.box; self.createdAt = createdAt; self.supersededAt = nil
    }

    var flag: Flag {
        Flag(reason: reason, message: message, file: file, page: page, expected: expected, found: found, field: field, box: box)
    }

    /// What makes two flags the same finding, to keep an unchanged submission's re-check from queueing it twice.
    var key: FlagKey { FlagKey(claimIndex: claimIndex, indicator: indicator, flag: flag) }
}

struct FlagKey: Hashable {
    var claimIndex: Int
    var indicator: String
    var flag: Flag
}
