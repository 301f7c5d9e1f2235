/// What the account commands refuse.
package enum AccountError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidName(String)
    case exists(String)
    case unknownUser(String)
    case unitRequired
    case unitNotAllowed(role: String)
    case unknownUnit(String)

    package var description: String {
        switch self {
        case .invalidName(let name):
            "invalid user name '\(name)': use 1-64 letters, digits, '.', '_', '-' or '@'"
        case .exists(let name): "user '\(name)' exists already"
        case .unknownUser(let name): "no user '\(name)'"
        case .unitRequired: "--unit CODE is required for role unit"
        case .unitNotAllowed(let role): "--unit is only for role unit, not \(role)"
        case .unknownUnit(let code): "unknown unit '\(code)': give its name and level (--unit-name, --level) the first time"
        }
    }
}
