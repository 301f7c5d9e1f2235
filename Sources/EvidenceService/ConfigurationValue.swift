import Logging

/// A raw value from the file, the environment or the command line, before it is checked.
enum ConfigurationValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)

    var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        }
    }

    var shown: String {
        switch self {
        case .string(let text): "'\(text)'"
        case .integer(let value): String(value)
        case .number(let value): ConfigurationValue.format(value)
        case .boolean(let value): String(value)
        }
    }

    /// Whole numbers without `.0`, so messages read `got 5000`.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// What a key accepts; how a raw value becomes a checked one.
enum ConfigurationValueType: Sendable {
    case path, optionalPath, string, integer, number, boolean, logLevel

    var expected: String {
        switch self {
        case .path, .optionalPath: "an absolute path (a string)"
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean (true or false)"
        case .logLevel: "a log level (a string)"
        }
    }

    /// Accepts the value as given in TOML: types must match, except that an integer is a number.
    func accept(_ value: ConfigurationValue) -> Result<ConfigurationValue, ConfigurationError> {
        switch (self, value) {
        case (.path, .string), (.optionalPath, .string), (.string, .string), (.integer, .integer),
             (.number, .number), (.boolean, .boolean):
            return .success(value)
        case (.number, .integer(let whole)):
            return .success(.number(Double(whole)))
        case (.logLevel, .string(let text)):
            guard Logger.Level(configurationName: text) != nil else {
                return .failure(ConfigurationError(.invalidValue, key: nil, reason:
                    "must be one of \(Logger.Level.configurationNames.joined(separator: ", ")), got '\(text)'"))
            }
            return .success(value)
        default:
            return .failure(ConfigurationError(.wrongType, key: nil, reason: "must be \(expected), got \(value.typeName) (\(value.shown))"))
        }
    }

    /// Reads an environment variable's or option's text as this type.
    func parse(_ text: String) -> Result<ConfigurationValue, ConfigurationError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch self {
        case .path, .optionalPath, .string, .logLevel:
            return accept(.string(self == .string ? text : trimmed))
        case .integer:
            guard let whole = Int(trimmed) else { return .failure(notA(text)) }
            return .success(.integer(whole))
        case .number:
            guard let number = Double(trimmed) else { return .failure(notA(text)) }
            return .success(.number(number))
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "yes", "on", "1": return .success(.boolean(true))
            case "false", "no", "off", "0": return .success(.boolean(false))
            default: return .failure(notA(text))
            }
        }
    }

    private func notA(_ text: String) -> ConfigurationError {
        ConfigurationError(.wrongType, key: nil, reason: "must be \(expected), got '\(text)'")
    }
}

extension Logger.Level {
    /// The names accepted by `log_level`, least severe first.
    static let configurationNames = Logger.Level.allCases.map(\.rawValue)

    init?(configurationName: String) {
        self.init(rawValue: configurationName.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

import Foundation
