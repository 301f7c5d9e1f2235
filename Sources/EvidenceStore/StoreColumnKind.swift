import Foundation

/// What a column holds, read from either backend's schema, so a value crosses between them and is
/// compared as the same thing: SQLite keeps dates as GRDB's text and booleans as 0/1, PostgreSQL as
/// `timestamptz` and `boolean`.
enum StoreColumnKind: String, Sendable {
    case text, integer, real, bool, date

    /// The types the SQLite migrations declare (GRDB's names).
    init?(sqliteType: String) {
        switch sqliteType.uppercased() {
        case "TEXT": self = .text
        case "INTEGER": self = .integer
        case "DOUBLE", "REAL": self = .real
        case "BOOLEAN": self = .bool
        case "DATETIME": self = .date
        default: return nil
        }
    }

    /// The types the PostgreSQL migrations declare, as `information_schema.columns.data_type` names them.
    init?(postgresType: String) {
        switch postgresType.lowercased() {
        case "text": self = .text
        case "integer", "bigint", "smallint": self = .integer
        case "double precision", "real": self = .real
        case "boolean": self = .bool
        case "timestamp with time zone": self = .date
        default: return nil
        }
    }

    /// The value in the one form both backends write and compare: dates to the millisecond, booleans
    /// as booleans; nil when the stored value is not of this kind (a damaged row).
    func canonical(_ value: StoreValue) -> StoreValue? {
        switch (self, value) {
        case (_, .null): .null
        case (.text, .text), (.integer, .integer), (.real, .real), (.bool, .bool): value
        case (.integer, .real(let number)): Int64(exactly: number).map(StoreValue.integer)
        case (.real, .integer(let number)): .real(Double(number))
        case (.bool, .integer(let number)) where number == 0 || number == 1: .bool(number == 1)
        case (.date, .date(let date)): .date(PostgresStoreConnection.milliseconds(date))
        case (.date, .text(let text)): SQLiteStoreDatabase.date(fromText: text).map { .date(PostgresStoreConnection.milliseconds($0)) }
        default: nil
        }
    }
}

extension StoreValue: StoreValueConvertible {
    var storeValue: StoreValue { self }
    init?(storeValue: StoreValue) { self = storeValue }

    /// The value as the checksums read it, the same text on both backends for a canonical value:
    /// tagged by kind and text length-prefixed, so no two rows run together into the same bytes.
    var checksumText: String {
        switch self {
        case .null: "N"
        case .integer(let number): "I\(number)"
        case .real(let number): "R\(number)"  // Swift's shortest form that reads back the same double
        case .bool(let flag): flag ? "B1" : "B0"
        case .date(let date): "D\(Int64((date.timeIntervalSince1970 * 1000).rounded()))"
        case .text(let text): "T\(text.utf8.count):\(text)"
        }
    }
}
