import Foundation

/// A row of `users`: one account of the web service.
struct UserRecord: StoreRecord {
    static let table = "users"
    static let primaryKey = ["name"]
    var name: String
    var role: UserRole
    var unitCode: String?
    var frameworks: [String]?
    var unitCodes: [String]?
    /// bcrypt; nil for an account that has only API tokens.
    var passwordHash: String?
    var disabled: Bool
    var createdAt: Date

    init(name: String, role: UserRole, unitCode: String?, frameworks: [String]?, unitCodes: [String]?,
         passwordHash: String?, disabled: Bool, createdAt: Date) {
        self.name = name; self.role = role; self.unitCode = unitCode; self.frameworks = frameworks
        self.unitCodes = unitCodes; self.passwordHash = passwordHash; self.disabled = disabled; self.createdAt = createdAt
    }

    init(row: StoreRow) throws {
        self.init(name: try row.get("name"), role: try row.get("role"), unitCode: row["unitCode"],
                  frameworks: try row.json("frameworks"), unitCodes: try row.json("unitCodes"),
                  passwordHash: row["passwordHash"], disabled: try row.get("disabled"), createdAt: try row.get("createdAt"))
    }

    var columns: [(String, StoreValue)] {
        [("name", name.storeValue), ("role", role.storeValue), ("unitCode", unitCode.storeValue),
         ("frameworks", frameworks.map(StoredJSON.init).storeValue), ("unitCodes", unitCodes.map(StoredJSON.init).storeValue),
         ("passwordHash", passwordHash.storeValue), ("disabled", disabled.storeValue), ("createdAt", createdAt.storeValue)]
    }

    var account: UserAccount {
        UserAccount(name: name, role: role, unitCode: unitCode, frameworks: frameworks, unitCodes: unitCodes,
                    disabled: disabled, createdAt: createdAt)
    }
}

/// A row of `api_tokens`: the sha256 of a token a program sends as `Authorization: Bearer`.
struct APITokenRecord: StoreRecord {
    static let table = "api_tokens"
    static let primaryKey = ["tokenHash"]
    var tokenHash: String
    var userName: String
    var createdAt: Date
    var lastUsedAt: Date?

    init(tokenHash: String, userName: String, createdAt: Date, lastUsedAt: Date?) {
        self.tokenHash = tokenHash; self.userName = userName; self.createdAt = createdAt; self.lastUsedAt = lastUsedAt
    }

    init(row: StoreRow) throws {
        self.init(tokenHash: try row.get("tokenHash"), userName: try row.get("userName"),
                  createdAt: try row.get("createdAt"), lastUsedAt: row["lastUsedAt"])
    }

    var columns: [(String, StoreValue)] {
        [("tokenHash", tokenHash.storeValue), ("userName", userName.storeValue), ("createdAt", createdAt.storeValue),
         ("lastUsedAt", lastUsedAt.storeValue)]
    }
}

/// A row of `web_sessions`: the sha256 of a session cookie, its CSRF token and expiry.
struct WebSessionRecord: StoreRecord {
    static let table = "web_sessions"
    static let primaryKey = ["tokenHash"]
    var tokenHash: String
    var userName: String
    var csrfToken: String
    var createdAt: Date
    var expiresAt: Date

    init(tokenHash: String, userName: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash; self.userName = userName; self.csrfToken = csrfToken
        self.createdAt = createdAt; self.expiresAt = expiresAt
    }

    init(row: StoreRow) throws {
        self.init(tokenHash: try row.get("tokenHash"), userName: try row.get("userName"), csrfToken: try row.get("csrfToken"),
                  createdAt: try row.get("createdAt"), expiresAt: try row.get("expiresAt"))
    }

    var columns: [(String, StoreValue)] {
        [("tokenHash", tokenHash.storeValue), ("userName", userName.storeValue), ("csrfToken", csrfToken.storeValue),
         ("createdAt", createdAt.storeValue), ("expiresAt", expiresAt.storeValue)]
    }
}
