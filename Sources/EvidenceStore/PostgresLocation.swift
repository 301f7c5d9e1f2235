/// A PostgreSQL database the store connects to. The password is kept out of `description`, so a
/// location can be logged.
package struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String
    package var tls: TLS
    /// Connections the store keeps open at most (the web's blocking threads plus the daemon's).
    package var maxConnections: Int

    /// libpq's `sslmode`, as an operator already writes it.
    package enum TLS: String, CaseIterable, Hashable, Sendable {
        /// Plain text only.
        case disable
        /// TLS when the server offers it, plain text otherwise (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not checked (libpq's meaning).
        case require
        /// TLS with a certificate from a trusted authority, any host name.
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate for this host name.
        case verifyFull = "verify-full"
    }

    package init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
                 tls: TLS = .prefer, maxConnections: Int = 10) {
        self.host = host; self.port = port; self.user = user; self.password = password; self.database = database
        self.tls = tls; self.maxConnections = maxConnections
    }

    package var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }
}
