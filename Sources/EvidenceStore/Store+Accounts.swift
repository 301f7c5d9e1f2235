package import EvidenceModel
package import Foundation

/// Accounts of the web service. Secrets arrive hashed: the store never sees a password or token.
extension Store {
    /// Creates an account; for a unit account, the unit is registered (or updated) in the same
    /// transaction when `unit` is given, and must exist already otherwise.
    package func addUser(_ account: UserAccount, passwordHash: String?, unit: Submission.Unit? = nil) throws {
        guard Self.validUserName(account.name) else { throw AccountError.invalidName(account.name) }
        if account.role == .unit, account.unitCode == nil { throw AccountError.unitRequired }
        if account.role != .unit, account.unitCode != nil { throw AccountError.unitNotAllowed(role: account.role.rawValue) }
        try database.write { db in
            if try db.exists(UserRecord.self, key: account.name) { throw AccountError.exists(account.name) }
            if let unit {
                // Only these columns: what the roster said of the unit (parent body, contact) stays.
                try db.execute("""
                    INSERT INTO units (code, name, level, bodies)
                    VALUES (\(unit.code), \(unit.name), \(unit.level), \(unit.bodies.map(StoredJSON.init)))
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, bodies = excluded.bodies
                    """)
            }
            if let code = account.unitCode, try !db.exists(UnitRecord.self, key: code) { throw AccountError.unknownUnit(code) }
            try db.insert(UserRecord(name: account.name, role: account.role, unitCode: account.unitCode,
                                     frameworks: account.frameworks, unitCodes: account.unitCodes,
                                     passwordHash: passwordHash, disabled: false, createdAt: account.createdAt))
        }
    }

    package func user(named name: String) throws -> UserAccount? {
        try database.read { db in try db.record(UserRecord.self, key: name)?.account }
    }

    /// The account and its bcrypt hash, for a login.
    package func credentials(of name: String) throws -> (account: UserAccount, passwordHash: String?)? {
        try database.read { db in
            try db.record(UserRecord.self, key: name).map { ($0.account, $0.passwordHash) }
        }
    }

    package func users() throws -> [UserAccount] {
        try database.read { db in try db.fetch("SELECT * FROM users ORDER BY name", as: UserRecord.self).map(\.account) }
    }

    /// Disables an account and ends its sessions and tokens at once (one transaction).
    package func disableUser(named name: String) throws {
        try database.write { db in
            guard var record = try db.record(UserRecord.self, key: name) else { throw AccountError.unknownUser(name) }
            record.disabled = true
            try db.update(record)
            try db.execute("DELETE FROM web_sessions WHERE userName = \(name)")
            try db.execute("DELETE FROM api_tokens WHERE userName = \(name)")
        }
    }

    package func setPasswordHash(_ hash: String, for name: String) throws {
        try database.write { db in
            guard var record = try db.record(UserRecord.self, key: name) else { throw AccountError.unknownUser(name) }
            record.passwordHash = hash
            try db.update(record)
            try db.execute("DELETE FROM web_sessions WHERE userName = \(name)")
        }
    }

    package func addToken(hash: String, for name: String) throws {
        try database.write { db in
            guard try db.exists(UserRecord.self, key: name) else { throw AccountError.unknownUser(name) }
            try db.insert(APITokenRecord(tokenHash: hash, userName: name, createdAt: Date(), lastUsedAt: nil))
        }
    }

    /// The enabled account a token belongs to.
    package func user(tokenHash: String) throws -> UserAccount? {
        try database.read { db in
            guard let token = try db.record(APITokenRecord.self, key: tokenHash),
                  let user = try db.record(UserRecord.self, key: token.userName), !user.disabled else { return nil }
            return user.account
        }
    }

    package func unit(code: String) throws -> Submission.Unit? {
        try database.read { db in try db.record(UnitRecord.self, key: code)?.unit }
    }

    package func units() throws -> [Submission.Unit] {
        try database.read { db in try db.fetch("SELECT * FROM units ORDER BY code", as: UnitRecord.self).map(\.unit) }
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
        try database.write { db in
            // Expired sessions go as new ones come: the table stays the size of the active ones.
            try db.execute("DELETE FROM web_sessions WHERE expiresAt < \(Date())")
            try db.insert(WebSessionRecord(tokenHash: tokenHash, userName: user, csrfToken: csrfToken, createdAt: Date(),
                                           expiresAt: expiresAt))
        }
    }

    /// The session of a live cookie of an enabled account; nil when expired, unknown or disabled.
    package func session(tokenHash: String, at now: Date = Date()) throws -> WebSession? {
        try database.read { db in
            guard let session = try db.record(WebSessionRecord.self, key: tokenHash), session.expiresAt > now,
                  let user = try db.record(UserRecord.self, key: session.userName), !user.disabled else { return nil }
            return WebSession(account: user.account, csrfToken: session.csrfToken, expiresAt: session.expiresAt)
        }
    }

    package func endSession(tokenHash: String) throws {
        try database.write { db in _ = try db.execute("DELETE FROM web_sessions WHERE tokenHash = \(tokenHash)") }
    }
}
