import EvidenceLoading
import ArgumentParser
import EvidenceDaemon
import EvidenceStore
import EvidenceVerification
import Foundation
import EvidenceService

/// Where the store and the models are, for every command that reads them.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store: an SQLite path, sqlite:///path or postgres://user@host/database (default: store.url, else database).") var db: String?
    @Option(help: "Configuration file (default: /etc/evidenced/evidenced.toml when present).") var config: String?
    @Option(help: "Models directory holding frameworks/ (default: configured, else ./models).") var models: String?

    func configuration() throws -> Configuration {
        try Configuration.load(path: config, environment: ProcessInfo.processInfo.environment)
    }

    /// Where local state beside the store is (the retry book).
    func stateDirectory() throws -> URL { try configuration().stateDirectory(url: db) }

    /// The store at --db or the configured one; nil when `mustExist` and an SQLite file is not there
    /// yet (a PostgreSQL database is created by whoever connects first).
    func store(mustExist: Bool) throws -> Store? {
        let location = try configuration().storeLocation(url: db)
        if mustExist, let path = location.sqlitePath, !FileManager.default.fileExists(atPath: path) { return nil }
        return try Store.open(location)
    }

    /// For the bench commands: the store at --db with its name, which must hold no submissions (a
    /// database made for the bench: `command` writes generated rows into it); nil without --db.
    func benchStore(for command: String) throws -> (store: Store, name: String)? {
        guard let db else { return nil }
        let location = try configuration().storeLocation(url: db)
        let store: Store
        do { store = try Store.open(location) } catch { throw fail("\(error)") }
        guard try store.backlog().submissions.values.reduce(0, +) == 0 else {
            throw fail("\(location) holds submissions: \(command) writes generated rows, give it a database made for the bench")
        }
        return (store, location.sqlitePath == nil ? "PostgreSQL \(try store.journalMode())" : "SQLite \(location)")
    }

    func catalog() throws -> FrameworkCatalog {
        let configured = try models ?? configuration().modelsDirectory
        return try FrameworkCatalog.load(directory: ModelsLocator.frameworks(configured: configured))
    }
}

/// A one-line error on stderr and exit status 2: bad input never crashes a command.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("evidenced: \(message)\n".utf8))
    return ExitCode(2)
}

