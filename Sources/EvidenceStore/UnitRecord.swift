import EvidenceModel
import GRDB

/// A row of `units`: a unit that has accounts, as its submissions name it.
struct UnitRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "units"
    var code: String
    var name: String
    var level: Submission.Level
    /// JSON: the unit's own bodies (`Submission.Unit.bodies`).
    var bodies: [String]?

    var unit: Submission.Unit { Submission.Unit(code: code, name: name, level: level, bodies: bodies) }
}
