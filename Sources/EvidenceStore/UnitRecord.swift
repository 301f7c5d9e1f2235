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
    /// v8: the body it answers to, and an e-mail address or telephone number (the roster's).
    var parentBody: String?
    var contact: String?

    enum Columns {
        static let code = Column(CodingKeys.code)
    }

    var unit: Submission.Unit { Submission.Unit(code: code, name: name, level: level, bodies: bodies) }
}
