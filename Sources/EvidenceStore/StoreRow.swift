/// A fetched row, the same for both backends. Column names are matched without regard to case:
/// PostgreSQL folds the schema's unquoted camelCase names (`createdAt` is `createdat` there), SQLite
/// keeps them as written.
struct StoreRow: Sendable {
    private let columns: StoreColumns
    private let values: [StoreValue]

    /// The first column's value, for one-value queries (`SELECT COUNT(*) ...`).
    var first: StoreValue { values.first ?? .null }

    /// `columns`: the statement's, shared by all its rows; `values` in their order.
    init(_ columns: StoreColumns, _ values: [StoreValue]) {
        self.columns = columns; self.values = values
    }

    /// The column's value, nil when null, absent or not of that type.
    subscript<Value: StoreValueConvertible>(_ column: String) -> Value? {
        present(column).flatMap { Value(storeValue: $0) }
    }

    /// The column's value as stored (null when absent), for code that reads every column alike.
    func value(_ column: String) -> StoreValue { present(column) ?? .null }

    /// The value of a column that is never null.
    func get<Value: StoreValueConvertible>(_ column: String) throws -> Value {
        guard let value: Value = self[column] else {
            throw StoreRowError.unexpectedValue(column: column, found: present(column).map { "\($0)" } ?? "no column")
        }
        return value
    }

    /// A JSON column; nil when null.
    func json<Value: Codable>(_ column: String, as type: Value.Type = Value.self) throws -> Value? {
        guard let value = present(column), value != .null else { return nil }
        guard let decoded = StoredJSON<Value>(storeValue: value) else {
            throw StoreRowError.unexpectedValue(column: column, found: "JSON that does not decode as \(Value.self)")
        }
        return decoded.value
    }

    /// The column's value; nil when the statement has no such column.
    private func present(_ column: String) -> StoreValue? { columns.position(of: column).map { values[$0] } }
}

/// A statement's column names and their positions, found once for all its rows: looking a name up
/// per row and column (lower-casing both sides each time) was a measurable share of a listing's
/// time (README, "Speed and memory").
final class StoreColumns: Sendable {
    /// Each name lower-cased, and as the database wrote it, to the first column whose name is the
    /// same but for case.
    private let positions: [String: Int]

    init(_ names: [String]) {
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = position
        }
        for name in names where positions[name] == nil { positions[name] = positions[name.lowercased()] }
        self.positions = positions
    }

    /// The name as the code spells it first (SQLite answers so), lower-cased when not found (PostgreSQL).
    func position(of name: String) -> Int? { positions[name] ?? positions[name.lowercased()] }
}

/// A row that does not hold what the schema promises: a damaged or foreign database.
struct StoreRowError: Error, CustomStringConvertible {
    var description: String

    static func unexpectedValue(column: String, found: String) -> StoreRowError {
        StoreRowError(description: "column \(column): unexpected value (\(found))")
    }
}
