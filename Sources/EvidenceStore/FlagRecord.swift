import EvidenceModel
import Foundation

/// A row of `flags`: the queue itself. The autoincremented id is the queue order.
struct FlagRecord: StoreRecord {
    static let table = "flags"
    static let primaryKey = ["id"]

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

    init(row: StoreRow) throws {
        id = try row.get("id"); submissionId = try row.get("submissionId"); revision = try row.get("revision")
        claimIndex = try row.get("claimIndex"); indicator = try row.get("indicator"); score = try row.get("score")
        reason = try row.get("reason"); message = try row.get("message"); file = row["file"]; page = row["page"]
        expected = row["expected"]; found = row["found"]; field = row["field"]; box = try row.box("box")
        createdAt = try row.get("createdAt"); supersededAt = row["supersededAt"]
    }

    /// Without the columns v6's triggers keep (unit, decision).
    var columns: [(String, StoreValue)] {
        (id.map { [("id", $0.storeValue)] } ?? []) + [
            ("submissionId", submissionId.storeValue), ("revision", revision.storeValue),
            ("claimIndex", claimIndex.storeValue), ("indicator", indicator.storeValue), ("score", score.storeValue),
            ("reason", reason.storeValue), ("message", message.storeValue), ("file", file.storeValue),
            ("page", page.storeValue), ("expected", expected.storeValue), ("found", found.storeValue),
            ("field", field.storeValue), ("box", box.map(StoredJSON.init).storeValue),
            ("createdAt", createdAt.storeValue), ("supersededAt", supersededAt.storeValue),
        ]
    }

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
