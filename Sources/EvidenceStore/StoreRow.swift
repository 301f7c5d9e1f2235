/// A fetched row, the same for both backends. Column names are kept lowercased: PostgreSQL folds the
/// schema's unquoted camelCase names (`createdAt` is `createdat` there), SQLite keeps them as written.
struct StoreRow: Sendable {
    private var values: [String: StoreValue]
    /// The first column's value, for one-value queries (`SELECT COUNT(*) ...`).
    let first: StoreValue

    init(_ columns: [(String, StoreValue)]) {
        values = Dictionary(columns.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { first, _ in first })
        first = columns.first?.1 ?? .null
    }

    /// The column's value, nil when null, absent or not of that type.
    subscript<Value: StoreValueConvertible>(_ column: String) -> Value? {
        values[column.lowercased()].flatMap { Value(storeValue: $0) }
    }

    /// The column's value as stored (null when absent), for code that reads every column alike.
    func value(_ column: String) -> StoreValue { values[column.lowercased()] ?? .null }

    /// The value of a column that is never null.
    func get<Value: StoreValueConvertible>(_ column: String) throws -> Value {
        guard let value: Value = self[column] else {
            throw StoreRowError.unexpectedValue(column: column, found: values[column.lowercased()].map { "\($0)" } ?? "no column")
        }
        return value
    }

    /// A JSON column; nil when null.
    func json<Value: Codable>(_ column: String, as type: Value.Type = Value.self) throws -> Value? {
        guard let value = values[column.lowercased()], value != .null else { return nil }
        guard let decoded = StoredJSON<Value>(storeValue: value) else {
            throw StoreRowError.unexpectedValue(column: column, found: "JSON that does not decode as \(Value.self)")
        }
        return decoded.value
    }
}

/// A row that does not hold what the schema promises: a damaged or foreign database.
struct StoreRowError: Error, CustomStringConvertible {
    var description: String

    static func unexpectedValue(column: String, found: String) -> StoreRowError {
        StoreRowError(description: "column \(column): unexpected value (\(found))")
    }
}
