/// Why a framework file was refused, with where: "models/x.yaml:12:5: unknown key 'maxpoints'".
public struct FrameworkError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line and column in the YAML; nil when the problem has no place (an unreadable file).
    public var line: Int?
    public var column: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column): \(reason)"
        case let (line?, nil): return "\(file):\(line): \(reason)"
        default: return "\(file): \(reason)"
        }
    }
}
