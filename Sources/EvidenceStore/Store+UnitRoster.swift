package import EvidenceModel
package import Foundation

/// What one import of the roster did.
package struct UnitImportOutcome: Hashable, Sendable {
    /// Units that got their first account (named `accountName`), in the roster's order.
    package var newAccounts: [UnitRosterEntry] = []
    package var newUnits: [String] = []
    /// Units already registered whose name, level, parent body or contact the roster changed.
    package var updatedUnits: [String] = []
    package var unchangedUnits: [String] = []
}

/// The secretariat's roster in bulk: every unit registered or updated and given an account, in one
/// transaction. Importing the same roster again changes nothing and creates no second account.
extension Store {
    /// The roster's units that have no unit account yet: the ones an import gives an account, so
    /// the caller hashes their one-time passwords before the write (bcrypt never holds the writer).
    package func unitsWithoutAccount(_ codes: [String]) throws -> Set<String> {
        try database.read { db in
            let accounted = try Self.accountedUnits(db)
            return Set(codes.filter { !accounted.contains($0) })
        }
    }

    /// Registers or updates each unit, and creates an account (its code in lower case, with the
    /// hash in `passwordHashes[code]`) for each unit that has none. Refused whole, nothing written,
    /// naming each line whose account name another account holds already.
    package func importUnits(_ entries: [UnitRosterEntry], passwordHashes: [String: String], at date: Date = Date()) throws -> UnitImportOutcome {
        try database.write { db in
            var outcome = UnitImportOutcome()
            var problems: [UnitRosterProblem] = []
            let accounted = try Self.accountedUnits(db)
            for entry in entries {
                let code = entry.unit.code
                if var record = try db.record(UnitRecord.self, key: code) {
                    let before = record
                    record.name = entry.unit.name; record.level = entry.unit.level
                    record.parentBody = entry.parentBody; record.contact = entry.contact
                    if record.name != before.name || record.level != before.level || record.parentBody != before.parentBody
                        || record.contact != before.contact {
                        try db.update(record)
                        outcome.updatedUnits.append(code)
                    } else {
                        outcome.unchangedUnits.append(code)
                    }
                } else {
                    try db.insert(UnitRecord(code: code, name: entry.unit.name, level: entry.unit.level, bodies: nil,
                                             parentBody: entry.parentBody, contact: entry.contact))
                    outcome.newUnits.append(code)
                }
                guard !accounted.contains(code) else { continue }
                let name = entry.accountName
                guard Self.validUserName(name) else {
                    problems.append(UnitRosterProblem(line: entry.line, "mã '\(code)' không dùng làm tên tài khoản được (not usable as an account name)"))
                    continue
                }
                if let holder = try db.record(UserRecord.self, key: name) {
                    problems.append(UnitRosterProblem(line: entry.line,
                        "tên tài khoản '\(name)' đã thuộc tài khoản \(holder.role.rawValue) khác (account name taken by another \(holder.role.rawValue) account)"))
                    continue
                }
                guard let hash = passwordHashes[code] else {
                    problems.append(UnitRosterProblem(line: entry.line, "đơn vị vừa thay đổi trong lúc nhập; hãy nhập lại (changed meanwhile: import again)"))
                    continue
                }
                try db.insert(UserRecord(name: name, role: .unit, unitCode: code, frameworks: nil, unitCodes: nil, passwordHash: hash,
                                         disabled: false, createdAt: date))
                outcome.newAccounts.append(entry)
            }
            // Throwing rolls the whole transaction back: no unit of a refused roster is kept.
            guard problems.isEmpty else { throw UnitRosterError(problems) }
            return outcome
        }
    }

    /// A registered unit with what the roster said of it.
    package func rosterEntry(code: String) throws -> UnitRosterEntry? {
        try database.read { db in
            try db.record(UnitRecord.self, key: code).map { UnitRosterEntry(line: 0, unit: $0.unit, parentBody: $0.parentBody, contact: $0.contact) }
        }
    }

    /// The units that have a unit account.
    private static func accountedUnits(_ db: any StoreConnection) throws -> Set<String> {
        Set(try db.values("SELECT DISTINCT unitCode FROM users WHERE role = 'unit' AND unitCode IS NOT NULL", as: String.self))
    }
}
