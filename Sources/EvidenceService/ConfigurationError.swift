/// Why a configuration was refused: the key, the reason, and where the bad value came from.
/// Printed as `ConfigurationError: key 'ocr.dpi': must be between 72 and 1200, got 5000 (/etc/evidenced/evidenced.toml:12)`.
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: String, Sendable, Equatable {
        /// An explicitly named file does not exist.
        case missingFile
        /// The file exists but cannot be read or is not UTF-8.
        case unreadableFile
        /// Not TOML.
        case syntax
        /// A key (or section) the daemon does not know, often a typo.
        case unknownKey
        /// A string where a number is expected, and so on.
        case wrongType
        /// The right type with a value out of range or of the wrong form.
        case invalidValue
    }

    /// Where a value came from.
    package enum Origin: Sendable, Equatable, CustomStringConvertible {
        case file(path: String, line: Int?)
        case environment(variable: String)
        case commandLine(option: String)
        case code

        package var description: String {
            switch self {
            case .file(let path, let line?): "\(path):\(line)"
            case .file(let path, nil): path
            case .environment(let variable): "environment variable \(variable)"
            case .commandLine(let option): "command line \(option)"
            case .code: "set in code"
            }
        }
    }

    package var kind: Kind
    /// The dotted key, e.g. `ocr.dpi`; nil when the whole file is at fault.
    package var key: String?
    package var reason: String
    package var origin: Origin?

    package init(_ kind: Kind, key: String?, reason: String, origin: Origin? = nil) {
        self.kind = kind; self.key = key; self.reason = reason; self.origin = origin
    }

    package var description: String {
        var text = "ConfigurationError: "
        if let key { text += "key '\(key)': " }
        text += reason
        if let origin { text += " (\(origin))" }
        return text
    }
}
