/// Why `evidenced store copy` or `store verify` will not go on: each one line for an operator.
package enum StoreCopyError: Error, Equatable, CustomStringConvertible {
    /// `store copy` writes only into an empty database: never merges into one that holds data.
    case targetNotEmpty(target: String, table: String)
    /// The source is older than this evidenced (it would have to be migrated, and a copy never
    /// changes its source) or newer (migrations this version does not know).
    case sourceMigrations(missing: [String], unknown: [String])
    case targetMigrations(source: [String], target: [String])
    case noSQLiteStore(path: String)
    case missingTable(String)
    case noPrimaryKey(table: String)
    case schemasDiffer(table: String)
    case unknownColumnType(table: String, column: String, type: String)
    case unexpectedValue(table: String, column: String, found: String)

    package var description: String {
        switch self {
        case .targetNotEmpty(let target, let table):
            "the target \(target) is not empty (\(table) holds rows): store copy writes only into an empty database"
        case .sourceMigrations(let missing, let unknown) where !unknown.isEmpty:
            "the source has migrations this evidenced does not know (\(unknown.joined(separator: ", "))): copy it with the version that wrote it"
                + (missing.isEmpty ? "" : "; it also lacks \(missing.joined(separator: ", "))")
        case .sourceMigrations(let missing, _):
            "the source is not migrated to this version (missing \(missing.joined(separator: ", "))): open it once with this evidenced (e.g. `evidenced status --db SOURCE`), then copy"
        case .targetMigrations(_, let target) where target.isEmpty:
            "the target holds no evidenced store (no migration recorded)"
        case .targetMigrations(let source, let target):
            "the target's migrations (\(target.joined(separator: ", "))) differ from the source's (\(source.joined(separator: ", ")))"
        case .noSQLiteStore(let path): "no SQLite store at \(path)"
        case .missingTable(let table): "table \(table) is not in the schema"
        case .noPrimaryKey(let table): "table \(table) has no primary key to order its rows by"
        case .schemasDiffer(let table): "table \(table) has other columns in the source than in the target"
        case .unknownColumnType(let table, let column, let type):
            "column \(table).\(column) is of type \(type), which store copy does not know how to carry"
        case .unexpectedValue(let table, let column, let found):
            "column \(table).\(column) holds a value of another kind (\(found)): a damaged row"
        }
    }
}
