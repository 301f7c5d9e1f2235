/// Why a submission folder was refused: the file, the field ("claims[0].evidence[1].file") and
/// the reason, with line and column for malformed JSON.
package struct SubmissionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The submission.json (or folder) path.
    package var file: String
    package var field: String?
    package var line: Int?
    package var column: Int?
    package var reason: String

    package init(file: String, field: String? = nil, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file; self.field = field; self.line = line; self.column = column; self.reason = reason
    }

    package var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        if let field { place += ": \(field)" }
        return "\(place): \(reason)"
    }
}
