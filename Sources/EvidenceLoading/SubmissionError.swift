/// Why a submission folder was refused: the file, the field ("claims[0].evidence[1].file") and
/// the reason, with line and column for malformed JSON.
public struct SubmissionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The submission.json (or folder) path.
    public var file: String
    public var field: String?
    public var line: Int?
    public var column: Int?
    public var reason: String

    public init(file: String, field: String? = nil, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file; self.field = field; self.line = line; self.column = column; self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        if let field { place += ": \(field)" }
        return "\(place): \(reason)"
    }
}
