import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The backend for several machines on one PostgreSQL database (postgres-nio).
///
/// Transactions mirror SQLite's, so the operations written once in `Store` behave the same:
/// - a read is `REPEATABLE READ READ ONLY`: one snapshot, as a WAL read transaction;
/// - a write first takes a transaction-scoped advisory lock, so writes are serialised across every
///   process on the database, as SQLite serialises them on one file, and each write's
///   read-then-write logic (a decision's checks, a result's supersession) sees the latest commit.
///   Writes are a few milliseconds each; reads never wait for them.
/// The schema is created by the same migrations, in the same order, as SQLite's (see
/// `PostgresStoreDatabase+Migrations.swift`), recorded in `evidenced_migrations`.
final class PostgresStoreDatabase: StoreDatabase {
    let connections: PostgresConnections
    let logger: Logger
    var dialect: SQLDialect { .postgres }

    /// Keys of `pg_advisory_xact_lock`: one for writes, one for migrations ("evid", "migr").
    static let writeLock: Int64 = 0x6576_6964
    static let migrationLock: Int64 = 0x6d69_6772

    init(location: PostgresLocation, migrating: Bool = true) throws {
        var logger = Logger(label: "evidenced.postgres")
        logger.logLevel = .error
        self.logger = logger
        connections = try PostgresConnections(location: location, logger: logger)
        if migrating { try migrate() }
    }

    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: nil, body)
    }

    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", lock: Self.writeLock, body)
    }

    /// `bound`: the longest a statement may go unanswered (`PostgresWait`); nil for migrations.
    func transaction<T>(begin: StoreSQL, lock: Int64?, bound: Int64? = PostgresWait.statementSeconds,
                        _ body: (any StoreConnection) throws -> T) throws -> T {
        do {
            return try transaction(begin: begin, lock: lock, bound: bound, retryingStaleConnection: true, body)
        } catch is StaleConnection {
            return try transaction(begin: begin, lock: lock, bound: bound, retryingStaleConnection: false, body)
        }
    }

    /// A pooled connection the server dropped while it sat idle (a restart, a terminated backend,
    /// an idle timeout) fails at BEGIN, before anything ran: it is closed, and the transaction runs
    /// once more on a new connection, so the caller never sees a failure the database has already
    /// recovered from.
    private struct StaleConnection: Error {}

    private func transaction<T>(begin: StoreSQL, lock: Int64?, bound: Int64?, retryingStaleConnection: Bool,
                                _ body: (any StoreConnection) throws -> T) throws -> T {
        try connections.withConnection { connection in
            let db = PostgresStoreConnection(connection: connection, logger: logger, bound: bound)
            do { try db.execute(begin) } catch {
                guard retryingStaleConnection else { throw error }
                PostgresWait.close(connection)
                throw StaleConnection()
            }
            do {
                if let lock { try db.execute("SELECT pg_advisory_xact_lock(\(lock))") }
                let result = try body(db)
                try db.execute("COMMIT")
                return result
            } catch let error as PostgresStoreError where error.isUnreachable {
                // No ROLLBACK on a broken connection (it may never be answered): the server ends
                // the transaction with the session, and the pool drops the connection.
                throw error
            } catch {
                _ = try? db.execute("ROLLBACK")
                throw error
            }
        }
    }
}

/// One transaction on one PostgreSQL connection.
struct PostgresStoreConnection: StoreConnection {
    let connection: PostgresConnection
    let logger: Logger
    /// The longest a statement may go unanswered; nil: no bound.
    var bound: Int64? = PostgresWait.statementSeconds
    var dialect: SQLDialect { .postgres }

    func fetch(_ sql: StoreSQL) throws -> [StoreRow] {
        let rows = try run(sql).rows
        guard let firstRow = rows.first else { return [] }
        let columns = StoreColumns(firstRow.map(\.columnName))
        return try rows.map { row in StoreRow(columns, try row.map(Self.value)) }
    }

    @discardableResult
    func execute(_ sql: StoreSQL) throws -> Int {
        try run(sql).metadata.rows ?? 0
    }

    private func run(_ sql: StoreSQL) throws -> PostgresQueryResult {
        let (text, values) = sql.rendered { "$\($0)" }
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            case .bool(let value): bindings.append(value)
            case .date(let value): bindings.append(Self.milliseconds(value))
            }
        }
        do {
            return try PostgresWait.value(of: connection.query(PostgresQuery(unsafeSQL: text, binds: bindings), logger: logger), seconds: bound)
        } catch {
            throw PostgresStoreError(error)
        }
    }

    /// Dates to the millisecond, as SQLite keeps them, both ways: a value reads back equal on both
    /// backends (PostgreSQL's microseconds would otherwise differ by a rounding).
    static func milliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func value(_ cell: PostgresCell) throws -> StoreValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .bool: return .bool(try cell.decode(Bool.self))
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .numeric:
            let text = try cell.decode(Decimal.self).description
            return Int64(text).map(StoreValue.integer) ?? .real(Double(text) ?? 0)
        case .timestamptz, .timestamp, .date: return .date(milliseconds(try cell.decode(Date.self)))
        default: return .text(try cell.decode(String.self))
        }
    }
}
