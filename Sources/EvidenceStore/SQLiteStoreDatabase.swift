import Foundation
import GRDB

/// The embedded backend: a GRDB `DatabasePool` in WAL mode (a `DatabaseQueue` in memory). GRDB
/// serialises writes and gives each read a snapshot, which is the contract `StoreDatabase` asks.
struct SQLiteStoreDatabase: StoreDatabase {
    let writer: any DatabaseWriter
    var dialect: SQLDialect { .sqlite }

    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try writer.read { db in try body(SQLiteConnection(db: db)) }
    }

    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try writer.write { db in try body(SQLiteConnection(db: db)) }
    }

    func appliedMigrations() throws -> [String] {
        try writer.read { db in try Store.migrator.appliedMigrations(db) }
    }

    func recordedMigrations() throws -> [String] {
        try writer.read { db in
            let recorded = try Store.migrator.appliedIdentifiers(db), known = Store.migrator.migrations
            return known.filter(recorded.contains) + recorded.subtracting(known).sorted()
        }
    }

    /// A date as GRDB stores it (text in UTC, or a number of seconds since 1970).
    static func date(fromText text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }
}

struct SQLiteConnection: StoreConnection {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func fetch(_ sql: StoreSQL) throws -> [StoreRow] {
        let (text, arguments) = Self.statement(sql)
        let statement = try db.makeStatement(sql: text)
        let columns = StoreColumns(statement.columnNames)
        // Read in place from the cursor (`Row.fetchAll` would copy every row before this copies it
        // again), by index (a row's elements would read every column's name again).
        return try Array(Row.fetchCursor(statement, arguments: arguments).map { row in
            StoreRow(columns, (0..<row.count).map { index in Self.storeValue(row[index] as DatabaseValue) })
        })
    }

    @discardableResult
    func execute(_ sql: StoreSQL) throws -> Int {
        let (text, arguments) = Self.statement(sql)
        try db.execute(sql: text, arguments: arguments)
        return db.changesCount
    }

    static func statement(_ sql: StoreSQL) -> (String, StatementArguments) {
        let (text, values) = sql.rendered { _ in "?" }
        return (text, StatementArguments(values.map(databaseValue)))
    }

    static func databaseValue(_ value: StoreValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .bool(let value): value.databaseValue
        case .date(let value): value.databaseValue
        }
    }

    static func storeValue(_ value: DatabaseValue) -> StoreValue {
        switch value.storage {
        case .null: .null
        case .int64(let value): .integer(value)
        case .double(let value): .real(value)
        case .string(let value): .text(value)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}
