package import Foundation

/// An account as the web service sees it (never its password hash).
package struct UserAccount: Codable, Hashable, Sendable {
    package var name: String
    package var role: UserRole
    /// The unit of a `unit` account.
    package var unitCode: String?
    /// An appraiser's scope: nil means every framework / every unit.
    package var frameworks: [String]?
    package var unitCodes: [String]?
    package var disabled: Bool
    package var createdAt: Date

    package init(name: String, role: UserRole, unitCode: String? = nil, frameworks: [String]? = nil,
                 unitCodes: [String]? = nil, disabled: Bool = false, createdAt: Date = Date()) {
        self.name = name; self.role = role; self.unitCode = unitCode; self.frameworks = frameworks
        self.unitCodes = unitCodes; self.disabled = disabled; self.createdAt = createdAt
    }

    /// Whether this account may see a submission of `unitCode` under `framework`. The one place
    /// the rule lives: every route that takes an id asks it.
    package func maySee(unitCode submissionUnit: String, framework: String) -> Bool {
        guard !disabled else { return false }
        switch role {
        case .admin, .consumer: return true
        case .unit: return unitCode == submissionUnit
        case .metrics: return false
        case .appraiser:
            return (unitCodes.map { $0.contains(submissionUnit) } ?? true)
                && (frameworks.map { $0.contains(framework) } ?? true)
        }
    }
}

/// A logged-in browser: who, and the token its forms must carry.
package struct WebSession: Hashable, Sendable {
    package var account: UserAccount
    package var csrfToken: String
    package var expiresAt: Date
}
