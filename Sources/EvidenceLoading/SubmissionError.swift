import Foundation

/// Why a submission folder was refused: the file, the field ("claims[0].evidence[1].file") and
/// the reason, with line and column for malformed JSON.
package struct SubmissionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The submission.json (or folder) path.
    package var file: String
    package var field: String?
    package var line: Int?
    package var column: Int?
    package var reason: String
    /// The folder could not be read just now (an I/O error on a file that is there): not a fault of
    /// the upload, which is taken again later instead of being refused.
    package var isPassing = false

    package init(file: String, field: String? = nil, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file; self.field = field; self.line = line; self.column = column; self.reason = reason
    }

    /// The same error naming only the file (`submission.json`), for a reader who must not learn
    /// where on the server the folder is.
    package var withoutFolder: SubmissionError {
        var error = self
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        error.file = parts.last.map(String.init) ?? file
        let folder = parts.dropLast().joined(separator: "/")
        if !folder.isEmpty { error.reason = reason.replacingOccurrences(of: folder + "/", with: "").replacingOccurrences(of: folder, with: "") }
        return error
    }

    package var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        if let field { place += ": \(field)" }
        return "\(place): \(reason)"
    }
}
