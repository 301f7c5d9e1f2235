/// A PostgreSQL database the store connects to. The password is kept out of `description`, so a
/// location can be logged.
package struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String
    /// `sslmode=require`: the connection is encrypted or refused.
    package var requireTLS: Bool
    /// Connections the store keeps open at most (the web's blocking threads plus the daemon's).
    package var maxConnections: Int

    package init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
                 requireTLS: Bool = false, maxConnections: Int = 10) {
        self.host = host; self.port = port; self.user = user; self.password = password; self.database = database
        self.requireTLS = requireTLS; self.maxConnections = maxConnections
    }

    package var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (requireTLS ? "?sslmode=require" : "")
    }
}
