package import EvidenceStore
package import Foundation

/// The store's two backends, for tests that run on both (`@Test(arguments: StoreBackend.allCases)`).
package enum StoreBackend: String, CaseIterable, Sendable {
    case sqlite, postgres

    /// A new empty store: SQLite in memory, or a fresh database of the process's PostgreSQL cluster.
    package func makeStore() throws -> Store {
        switch self {
        case .sqlite: try Store.inMemory()
        case .postgres: try Store(postgres: TestPostgres.shared().makeDatabase())
        }
    }

    /// A new empty database that several `Store`s (processes, in production) open: an SQLite file
    /// in `directory`, or a fresh PostgreSQL database.
    package func makeLocation(in directory: URL) throws -> TestStoreLocation {
        switch self {
        case .sqlite: .sqlite(path: directory.appendingPathComponent("evidenced.sqlite").path)
        case .postgres: .postgres(try TestPostgres.shared().makeDatabase())
        }
    }
}

package enum TestStoreLocation: Sendable {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Opens another store on the location.
    package func open() throws -> Store {
        switch self {
        case .sqlite(let path): try Store(path: path)
        case .postgres(let location): try Store(postgres: location)
        }
    }
}
