import EvidenceModel

/// A row of `units`: a unit that has accounts, as its submissions name it.
struct UnitRecord: StoreRecord {
    static let table = "units"
    static let primaryKey = ["code"]
    var code: String
    var name: String
    var level: Submission.Level
    /// JSON: the unit's own bodies (`Submission.Unit.bodies`).
    var bodies: [String]?
    /// v8: the body it answers to, and an e-mail address or telephone number (the roster's).
    var parentBody: String?
    var contact: String?

    init(code: String, name: String, level: Submission.Level, bodies: [String]?,
         parentBody: String? = nil, contact: String? = nil) {
        self.code = code; self.name = name; self.level = level; self.bodies = bodies
        self.parentBody = parentBody; self.contact = contact
    }

    init(row: StoreRow) throws {
        self.init(code: try row.get("code"), name: try row.get("name"), level: try row.get("level"), bodies: try row.json("bodies"),
                  parentBody: row["parentBody"], contact: row["contact"])
    }

    var columns: [(String, StoreValue)] {
        [("code", code.storeValue), ("name", name.storeValue), ("level", level.storeValue),
         ("bodies", bodies.map(StoredJSON.init).storeValue), ("parentBody", parentBody.storeValue), ("contact", contact.storeValue)]
    }

    var unit: Submission.Unit { Submission.Unit(code: code, name: name, level: level, bodies: bodies) }
}
