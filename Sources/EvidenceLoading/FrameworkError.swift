/// Why a framework file was refused, with where: "models/x.yaml:12:5: unknown key 'maxpoints'".
package struct FrameworkError: Error, Hashable, Sendable, CustomStringConvertible {
    package var file: String
    /// 1-based line and column in the YAML; nil when the problem has no place (an unreadable file).
    package var line: Int?
    package var column: Int?
    package var reason: String

    package init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    package var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column): \(reason)"
        case let (line?, nil): return "\(file):\(line): \(reason)"
        default: return "\(file): \(reason)"
        }
    }
}
