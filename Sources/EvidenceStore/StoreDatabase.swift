/// Where the store's rows live: SQLite through GRDB (`SQLiteStoreDatabase`, one machine, no server)
/// or PostgreSQL through postgres-nio (`PostgresStoreDatabase`, several machines on one database).
///
/// Why a backend behind the one `Store` rather than `Store` as a protocol with two implementations:
/// every operation's rules (what a decision may carry, how a result supersedes flags, what an ack
/// refuses) are written once, in `Store`'s methods, over SQL both databases accept. A backend only
/// runs statements inside a transaction; what differs between them (placeholders, types, a few
/// functions, the schema's DDL) stays in the backend and in `SQLDialect`. Callers keep one concrete
/// `Store` type and every test of the store runs on both.
///
/// Methods are synchronous: callers run the store on their own threads (the daemon's, the web's
/// blocking pool, the CLI's main thread), never on the Swift concurrency pool. Each `read` sees one
/// consistent snapshot; `write`s are serialised, as SQLite's are, so an operation's read-then-write
/// logic holds with any number of processes on the database.
protocol StoreDatabase: Sendable {
    var dialect: SQLDialect { get }
    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T
    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T
    /// The migrations applied so far, in order.
    func appliedMigrations() throws -> [String]
    /// A lock one process at a time holds for as long as it likes (see `StoreSessionLock`).
    func sessionLock(key: Int64) -> any StoreSessionLock
    /// Every migration recorded, known to this version or not: the known in order, then the others.
    func recordedMigrations() throws -> [String]
}

/// What differs in the SQL the two databases accept, for the few statements that cannot be
/// written the same way.
enum SQLDialect: Sendable {
    case sqlite, postgres

    /// `table alias INDEXED BY index` where SQLite needs the hint (it has no statistics); PostgreSQL
    /// plans with its own.
    func table(_ table: String, _ alias: String, indexedBy index: String) -> String {
        switch self {
        case .sqlite: "\(table) \(alias) INDEXED BY \(index)"
        case .postgres: "\(table) \(alias)"
        }
    }

    /// What ends a claim's `SELECT` (after its `LIMIT`): on PostgreSQL the chosen rows of `alias` are
    /// locked and rows another transaction has locked are passed over, not waited for. SQLite has
    /// one writer at a time, so the claim's transaction alone keeps two claims apart.
    func skipLocked(of alias: String) -> String {
        switch self {
        case .sqlite: ""
        case .postgres: "FOR UPDATE OF \(alias) SKIP LOCKED"
        }
    }
}

/// One open transaction.
protocol StoreConnection {
    var dialect: SQLDialect { get }
    func fetch(_ sql: StoreSQL) throws -> [StoreRow]
    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: StoreSQL) throws -> Int
}

extension StoreConnection {
    func fetchOne(_ sql: StoreSQL) throws -> StoreRow? { try fetch(sql).first }

    /// The first column of the first row.
    func value<Value: StoreValueConvertible>(_ sql: StoreSQL, as type: Value.Type = Value.self) throws -> Value? {
        try fetchOne(sql).flatMap { Value(storeValue: $0.first) }
    }

    /// The first column of every row.
    func values<Value: StoreValueConvertible>(_ sql: StoreSQL, as type: Value.Type = Value.self) throws -> [Value] {
        try fetch(sql).compactMap { Value(storeValue: $0.first) }
    }

    func count(_ sql: StoreSQL) throws -> Int { try value(sql, as: Int.self) ?? 0 }

    /// Whether the table exists: code that runs under upgrade tests of an older schema asks.
    func tableExists(_ table: String) throws -> Bool {
        switch dialect {
        case .sqlite: try fetchOne("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \(table)") != nil
        case .postgres: try value("SELECT to_regclass(\(table)) IS NOT NULL", as: Bool.self) ?? false
        }
    }
}
