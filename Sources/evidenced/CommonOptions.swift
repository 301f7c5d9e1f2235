import EvidenceLoading
import ArgumentParser
import EvidenceDaemon
import EvidenceStore
import EvidenceVerification
import Foundation
import EvidenceService

/// Where the store and the models are, for every command that reads them.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite store (default: the configuration's database).") var db: String?
    @Option(help: "Configuration file (default: /etc/evidenced/evidenced.toml when present).") var config: String?
    @Option(help: "Models directory holding frameworks/ (default: configured, else ./models).") var models: String?

    func configuration() throws -> Configuration {
        try Configuration.load(path: config, environment: ProcessInfo.processInfo.environment)
    }

    /// The store's path: --db, else the configured one.
    func path() throws -> String { try db ?? configuration().databasePath }

    /// The store at --db or the configured path; nil when `mustExist` and there is none yet.
    func store(mustExist: Bool) throws -> Store? {
        let path = try db ?? configuration().databasePath
        if mustExist, !FileManager.default.fileExists(atPath: path) { return nil }
        return try Store(path: path)
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

