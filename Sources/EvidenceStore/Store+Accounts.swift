package import EvidenceModel
package import Foundation
import GRDB

/// Accounts of the web service. Secrets arrive hashed: the store never sees a password or token.
extension Store {
    /// Creates an account; for a unit account, the unit is registered (or updated) in the same
    /// transaction when `unit` is given, and must exist already otherwise.
    package func addUser(_ account: UserAccount, passwordHash: String?, unit: Submission.Unit? = nil) throws {
        guard Self.validUserName(account.name) else { throw AccountError.invalidName(account.name) }
        if account.role == .unit, account.unitCode == nil { throw AccountError.unitRequired }
        if account.role != .unit, account.unitCode != nil { throw AccountError.unitNotAllowed(role: account.role.rawValue) }
        try writer.write { db in
            if try UserRecord.exists(db, key: account.name) { throw AccountError.exists(account.name) }
            if let unit {
                // Only these columns: what the roster said of the unit (parent body, contact) stays.
                let bodies = try unit.bodies.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
                try db.execute(sql: """
                    INSERT INTO units (code, name, level, bodies) VALUES (?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, bodies = excluded.bodies
                    """, arguments: [unit.code, unit.name, unit.level.rawValue, bodies])
            }
            if let code = account.unitCode, try !UnitRecord.exists(db, key: code) { throw AccountError.unknownUnit(code) }
            try UserRecord(name: account.name, role: account.role, unitCode: account.unitCode, frameworks: account.frameworks,
                           unitCodes: account.unitCodes, passwordHash: passwordHash, disabled: false,
                           createdAt: account.createdAt).insert(db)
        }
    }

    package func user(named name: String) throws -> UserAccount? {
        try writer.read { db in try UserRecord.fetchOne(db, key: name)?.account }
    }

    /// The account and its bcrypt hash, for a login.
    package func credentials(of name: String) throws -> (account: UserAccount, passwordHash: String?)? {
        try writer.read { db in
            try UserRecord.fetchOne(db, key: name).map { ($0.account, $0.passwordHash) }
        }
    }

    package func users() throws -> [UserAccount] {
        try writer.read { db in try UserRecord.order(Column("name")).fetchAll(db).map(\.account) }
    }

    /// Disables an account and ends its sessions and tokens at once (one transaction).
    package func disableUser(named name: String) throws {
        try writer.write { db in
            guard var record = try UserRecord.fetchOne(db, key: name) else { throw AccountError.unknownUser(name) }
            record.disabled = true
            try record.update(db)
            try WebSessionRecord.filter(Column("userName") == name).deleteAll(db)
            try APITokenRecord.filter(Column("userName") == name).deleteAll(db)
        }
    }

    package func setPasswordHash(_ hash: String, for name: String) throws {
        try writer.write { db in
            guard var record = try UserRecord.fetchOne(db, key: name) else { throw AccountError.unknownUser(name) }
            record.passwordHash = hash
            try record.update(db)
            try WebSessionRecord.filter(Column("userName") == name).deleteAll(db)
        }
    }

    package func addToken(hash: String, for name: String) throws {
        try writer.write { db in
            guard try UserRecord.exists(db, key: name) else { throw AccountError.unknownUser(name) }
            try APITokenRecord(tokenHash: hash, userName: name, createdAt: Date(), lastUsedAt: nil).insert(db)
        }
    }

    /// The enabled account a token belongs to.
    package func user(tokenHash: String) throws -> UserAccount? {
        try writer.read { db in
            guard let token = try APITokenRecord.fetchOne(db, key: tokenHash),
                  let user = try UserRecord.fetchOne(db, key: token.userName), !user.disabled else { return nil }
            return user.account
        }
    }

    package func unit(code: String) throws -> Submission.Unit? {
        try writer.read { db in try UnitRecord.fetchOne(db, key: code)?.unit }
    }

    package func units() throws -> [Submission.Unit] {
        try writer.read { db in try UnitRecord.order(Column("code")).fetchAll(db).map(\.unit) }
    }

    static func validUserName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || ".-_@".unicodeScalars.contains($0)
        }
    }
}

/// Browser sessions: a cookie's sha256 maps to the account, its CSRF token and its expiry.
extension Store {
    package func createSession(tokenHash: String, user: String, csrfToken: String, expiresAt: Date) throws {
        try writer.write { db in
            // Expired sessions go as new ones come: the table stays the size of the active ones.
            try WebSessionRecord.filter(Column("expiresAt") < Date()).deleteAll(db)
            try WebSessionRecord(tokenHash: tokenHash, userName: user, csrfToken: csrfToken, createdAt: Date(),
                                 expiresAt: expiresAt).insert(db)
        }
    }

    /// The session of a live cookie of an enabled account; nil when expired, unknown or disabled.
    package func session(tokenHash: String, at now: Date = Date()) throws -> WebSession? {
        try writer.read { db in
            guard let session = try WebSessionRecord.fetchOne(db, key: tokenHash), session.expiresAt > now,
                  let user = try UserRecord.fetchOne(db, key: session.userName), !user.disabled else { return nil }
            return WebSession(account: user.account, csrfToken: session.csrfToken, expiresAt: session.expiresAt)
        }
    }

    package func endSession(tokenHash: String) throws {
        _ = try writer.write { db in try WebSessionRecord.deleteOne(db, key: tokenHash) }
    }
}
