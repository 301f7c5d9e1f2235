import Foundation
import GRDB

/// The evidenced database: documents by content, submissions, claims, and the flag queue.
///
/// Two backends (see `StoreDatabase` for why they sit behind this one type):
/// - SQLite (the default, no server): a `DatabasePool` in WAL mode, so readers (`queue list`,
///   `status`) never wait for the daemon's writer, and a process killed at any moment leaves the last
///   committed transaction. `synchronous = FULL` makes a commit survive a power cut too, at one fsync
///   per write, which the daemon's write rate (a few per document) easily affords.
/// - PostgreSQL, for several machines on one database (`PostgresStoreDatabase`).
///
/// Every public method is one transaction: it has happened entirely when it returns, or not at all
/// when it throws. Methods are synchronous and safe to call from any thread but an event loop's;
/// callers keep them off the Swift concurrency pool.
package final class Store: Sendable {
    let database: any StoreDatabase
    /// The SQLite file; nil for an in-memory store and for PostgreSQL.
    package let path: String?

    /// Opens (creating its directory and file if needed) and migrates the database at `path`.
    package convenience init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        try self.init(writer: pool, path: path)
    }

    /// A private database that lives as long as the store, for tests and dry runs.
    package static func inMemory() throws -> Store {
        try Store(writer: DatabaseQueue(configuration: configuration()), path: nil)
    }

    /// `upTo`: stop after that migration, for tests of upgrades from an older schema.
    init(writer: any DatabaseWriter, path: String?, upTo lastMigration: String? = nil) throws {
        database = SQLiteStoreDatabase(writer: writer)
        self.path = path
        try Self.migrate(writer, upTo: lastMigration)
    }

    /// Connects to the PostgreSQL database and brings its schema up to date (unless not `migrating`:
    /// the source of a copy is read as it is).
    package init(postgres location: PostgresLocation, migrating: Bool = true) throws {
        database = try PostgresStoreDatabase(location: location, migrating: migrating)
        path = nil
    }

    /// An SQLite store opened read-only and not migrated: the source of a copy, never changed.
    private init(readingSQLite path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreCopyError.noSQLiteStore(path: path) }
        var configuration = Self.configuration()
        configuration.readonly = true
        database = SQLiteStoreDatabase(writer: try DatabaseQueue(path: path, configuration: configuration))
        self.path = path
    }

    /// An existing store as it is, neither created nor migrated (an SQLite file read-only), for
    /// `store copy` and `store verify`, which never change their source.
    package static func openExisting(_ location: StoreLocation) throws -> Store {
        switch location {
        case .sqlite(let path): try Store(readingSQLite: path)
        case .postgres(let location): try Store(postgres: location, migrating: false)
        }
    }

    /// The SQLite database below the store, for tests that reach under it (a trigger that fails a
    /// write, a raw row count).
    var writer: any DatabaseWriter {
        guard let sqlite = database as? SQLiteStoreDatabase else { preconditionFailure("not an SQLite store") }
        return sqlite.writer
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.label = "evidenced"
        config.foreignKeysEnabled = true
        // The CLI and the daemon are separate processes on one file: wait for the other's
        // write lock rather than fail at once.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// The journal mode SQLite reports ("wal" for a file store); for PostgreSQL, its version (a
    /// round trip that proves the server answers).
    package func journalMode() throws -> String {
        try database.read { db in
            switch db.dialect {
            case .sqlite: try db.value("PRAGMA journal_mode", as: String.self) ?? ""
            case .postgres: try db.value("SHOW server_version", as: String.self) ?? ""
            }
        }
    }

    /// Another process (the daemon, `evidenced status`) may be creating the same new database at
    /// this moment: when its migration wins the race, ours fails on tables that now exist, and
    /// trying again finds them recorded as applied.
    private static func migrate(_ writer: any DatabaseWriter, upTo lastMigration: String?) throws {
        for attempt in 1... {
            do {
                if let lastMigration { return try migrator.migrate(writer, upTo: lastMigration) }
                return try migrator.migrate(writer)
            } catch let error as DatabaseError where attempt < 5 {
                _ = error
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// The migrations applied so far, in order.
    package func appliedMigrations() throws -> [String] {
        try database.appliedMigrations()
    }

    /// Every migration the database records, those this version does not know included (a store
    /// written by a newer evidenced): the known ones in order, then the others.
    package func recordedMigrations() throws -> [String] {
        try database.recordedMigrations()
    }

    /// The migrations this version knows, in order.
    package static var knownMigrations: [String] { migrator.migrations }
}

extension Store {
    /// sha256 as stored: lowercase hexadecimal, 64 digits.
    static func normalizedSHA256(_ value: String) throws -> String {
        let lower = value.lowercased()
        guard lower.utf8.count == 64, lower.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { throw StoreError.invalidSHA256(value) }
        return lower
    }
}
