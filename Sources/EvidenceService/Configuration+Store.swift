package import EvidenceStore
package import Foundation

extension Configuration {
    /// Holds the PostgreSQL password when neither the URL nor `store.password_file` does.
    package static let passwordVariable = "EVIDENCED_DATABASE_PASSWORD"

    /// A relative path given on the command line (`--db data/evidenced.sqlite`) is read from the
    /// working directory, as a shell user expects; `store.url` in the file must be absolute (a
    /// daemon's working directory is `/`).
    static func fromWorkingDirectory(_ url: String) -> String {
        guard !url.hasPrefix("/"), !url.contains("://"), !url.isEmpty else { return url }
        return URL(fileURLWithPath: url, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }

    /// Where the store is: `url` (a command's `--db`) or `store.url` when given, else the SQLite file
    /// `database`. A PostgreSQL password comes from the URL, else `EVIDENCED_DATABASE_PASSWORD`, else
    /// `store.password_file`; it is never part of a message or a log line.
    package func storeLocation(url: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreLocation {
        guard let url = url.map(Self.fromWorkingDirectory) ?? store.url else { return .sqlite(path: databasePath) }
        let location = try StoreLocation(url: url)
        guard case .postgres(var postgres) = location, postgres.password == nil else { return location }
        if let password = environment[Self.passwordVariable], !password.isEmpty {
            postgres.password = password
        } else if let file = store.passwordFile {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw StoreLocationError(passwordFile: file)
            }
            postgres.password = text.trimmingCharacters(in: .newlines)
        }
        return .postgres(postgres)
    }

    /// Local state kept beside the store (the retry book): the SQLite file's folder, or `data` when
    /// the store is PostgreSQL.
    package func stateDirectory(url: String? = nil) throws -> URL {
        if case .sqlite(let path) = try StoreLocation(url: url.map(Self.fromWorkingDirectory) ?? store.url ?? databasePath) {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        return dataDirectoryURL
    }
}
