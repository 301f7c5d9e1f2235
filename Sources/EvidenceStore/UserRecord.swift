import Foundation
import GRDB

/// A row of `users`: one account of the web service.
struct UserRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "users"
    var name: String
    var role: UserRole
    var unitCode: String?
    var frameworks: [String]?
    var unitCodes: [String]?
    /// bcrypt; nil for an account that has only API tokens.
    var passwordHash: String?
    var disabled: Bool
    var createdAt: Date

    var account: UserAccount {
        UserAccount(name: name, role: role, unitCode: unitCode, frameworks: frameworks, unitCodes: unitCodes,
                    disabled: disabled, createdAt: createdAt)
    }
}

/// A row of `api_tokens`: the sha256 of a token a program sends as `Authorization: Bearer`.
struct APITokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "api_tokens"
    var tokenHash: String
    var userName: String
    var createdAt: Date
    var lastUsedAt: Date?
}

/// A row of `web_sessions`: the sha256 of a session cookie, its CSRF token and expiry.
struct WebSessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "web_sessions"
    var tokenHash: String
    var userName: String
    var csrfToken: String
    var createdAt: Date
    var expiresAt: Date
}
