import Foundation

/// Where the store is, from `store.url`: an SQLite file (a path or `sqlite:///path`) or a
/// PostgreSQL database (`postgres://user[:password]@host[:port]/database[?sslmode=...]`).
/// `description` never shows a password, so a location can be logged.
package enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// - Parameter password: used when the URL carries none (`EVIDENCED_DATABASE_PASSWORD`, `store.password_file`).
    package init(url text: String, password: String? = nil) throws(StoreLocationError) {
        if text.hasPrefix("/") {
            self = .sqlite(path: text)
            return
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw StoreLocationError("'\(Self.redacted(text))' is not an absolute path, sqlite:///path or postgres://user@host/database")
        }
        switch scheme {
        case "sqlite":
            guard components.host?.isEmpty ?? true, components.path.hasPrefix("/") else {
                throw StoreLocationError("an SQLite URL is sqlite:///absolute/path (three slashes), got '\(text)'")
            }
            self = .sqlite(path: components.path)
        case "postgres", "postgresql":
            self = .postgres(try Self.postgres(components, password: password, text: text))
        default:
            throw StoreLocationError("unknown store scheme '\(scheme)': use sqlite:///path or postgres://user@host/database")
        }
    }

    private static func postgres(_ components: URLComponents, password: String?, text: String) throws(StoreLocationError) -> PostgresLocation {
        let shown = redacted(text)
        guard let user = components.user, !user.isEmpty else { throw StoreLocationError("'\(shown)' names no user (postgres://user@host/database)") }
        guard let host = components.host, !host.isEmpty else { throw StoreLocationError("'\(shown)' names no host") }
        let database = String(components.path.dropFirst())
        guard !database.isEmpty, !database.contains("/") else { throw StoreLocationError("'\(shown)' names no database (postgres://user@host/database)") }
        var tls = PostgresLocation.TLS.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else { throw StoreLocationError("'\(shown)': unknown parameter '\(item.name)' (only sslmode is read)") }
            guard let mode = PostgresLocation.TLS(rawValue: item.value ?? "") else {
                throw StoreLocationError("'\(shown)': sslmode must be one of \(PostgresLocation.TLS.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tls = mode
        }
        return PostgresLocation(host: host, port: components.port ?? 5432, user: user,
                                password: components.password ?? password, database: database, tls: tls)
    }

    /// The URL with its password replaced, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "(a store URL)"
    }

    package var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// The SQLite file; nil for PostgreSQL.
    package var sqlitePath: String? {
        if case .sqlite(let path) = self { path } else { nil }
    }
}

package struct StoreLocationError: Error, Hashable, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = "store.url: " + description }

    /// `store.password_file` names a file that cannot be read (its content is never shown).
    package init(passwordFile path: String) { description = "store.password_file: cannot read '\(path)'" }
}

extension Store {
    /// Opens (creating and migrating it if needed) the store at `location`.
    package static func open(_ location: StoreLocation) throws -> Store {
        switch location {
        case .sqlite(let path): try Store(path: path)
        case .postgres(let location): try Store(postgres: location)
        }
    }
}
