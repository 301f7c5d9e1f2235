import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A small blocking pool of PostgreSQL connections for the store's synchronous callers.
///
/// The sync bridge: every connection lives on NIO's shared event loop group, and a caller's thread
/// waits on the query's future (`EventLoopFuture.wait()`). The callers are the store's dedicated
/// threads (daemon workers, the web's blocking pool, the CLI), so no event loop and no thread of the
/// Swift concurrency pool is ever blocked: the event loop only does I/O, and `wait()` refuses to run
/// on an event loop. A caller takes a connection for one transaction and gives it back; when all
/// are busy it waits for one. A connection the server closed (a restart, a network cut) is dropped
/// when it comes back, and the next transaction opens a new one.
final class PostgresConnections: @unchecked Sendable {
    private let configuration: PostgresConnection.Configuration
    private let location: PostgresLocation
    private let limit: Int
    private let logger: Logger
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0

    init(location: PostgresLocation, logger: Logger) throws {
        configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try Self.tls(location.tls))
        self.location = location
        limit = max(1, location.maxConnections)
        self.logger = logger
    }

    /// libpq's sslmode in NIOSSL's terms: `require` encrypts without checking the certificate,
    /// `verify-ca` checks it but not the host name, `verify-full` checks both.
    static func tls(_ mode: PostgresLocation.TLS) throws -> PostgresConnection.Configuration.TLS {
        var client = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer, .require: client.certificateVerification = .none
        case .verifyCA: client.certificateVerification = .noHostnameVerification
        case .verifyFull: client.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: client)
        return mode == .prefer ? .prefer(context) : .require(context)
    }

    /// Closes the idle connections without waiting: each is kept alive by its close's callback
    /// until the channel is closed (postgres-nio requires a connection closed before it goes).
    deinit {
        for connection in idle {
            let closed: EventLoopFuture<Void> = connection.close()
            closed.whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }

    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let result = try body(connection)
            checkIn(connection)
            return result
        } catch let error as PostgresStoreError where error.isUnreachable {
            // Broken under a query (the server restarted, the network cut): never used again, even
            // if postgres-nio has not marked it closed yet; a statement sent on it now may never be
            // answered (seen: a ROLLBACK after the server's shutdown waited forever).
            checkIn(connection, broken: true)
            throw error
        } catch {
            checkIn(connection)
            throw error
        }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while true {
            if let connection = idle.popLast() {
                guard !connection.isClosed else { open -= 1; continue }
                condition.unlock()
                return connection
            }
            if open < limit {
                open += 1
                nextID += 1
                let id = nextID
                condition.unlock()
                do {
                    return try connect(id: id)
                } catch {
                    condition.lock()
                    open -= 1
                    condition.signal()
                    condition.unlock()
                    throw PostgresStoreError(error, connecting: location)
                }
            }
            condition.wait()
        }
    }

    /// Bounded as a whole: NIO's connect timeout covers the TCP connection only, not the startup
    /// and login that follow it.
    private func connect(id: Int) throws -> PostgresConnection {
        try PostgresWait.value(of: PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                              configuration: configuration, id: id, logger: logger),
                               seconds: PostgresWait.connectSeconds)
    }

    /// A connection of its own, not counted in the pool, for a session-level lock: the caller closes it.
    func connectOutsideThePool() throws -> PostgresConnection {
        condition.lock()
        nextID += 1
        let id = nextID
        condition.unlock()
        do { return try connect(id: id) } catch { throw PostgresStoreError(error, connecting: location) }
    }

    private func checkIn(_ connection: PostgresConnection, broken: Bool = false) {
        condition.lock()
        if connection.isClosed || broken { open -= 1 } else { idle.append(connection) }
        condition.signal()
        condition.unlock()
        if broken, !connection.isClosed {
            // Not waited for: kept alive by the callback until the channel is closed.
            let closing: EventLoopFuture<Void> = connection.close()
            closing.whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }
}

/// What PostgreSQL refused or why it could not be reached, in one line: the server's message (never
/// the query's values), or the connection's failure.
package struct PostgresStoreError: Error, CustomStringConvertible {
    package var description: String
    /// The SQLSTATE code when the server answered (23505: unique violation...).
    package var sqlState: String?
    /// The server is away for now, not refusing us: nothing listens at the address (it is down or
    /// restarting), the connection broke, or the server said it is starting up or shutting down.
    /// Waiting may cure it; a refused password, a missing database or a host name that does not
    /// resolve will not.
    package var isUnreachable = false

    /// - Parameter connecting: the location, when the error came while connecting to it.
    init(_ error: any Error, connecting location: PostgresLocation? = nil) {
        let prefix = location.map { "cannot connect to \($0): " } ?? "PostgreSQL: "
        guard let error = error as? PSQLError else {
            description = prefix + "\(error)"
            isUnreachable = error is NIOConnectionError || error is ChannelError || error is PostgresNoAnswer
            return
        }
        if let info = error.serverInfo, let message = info[.message] {
            sqlState = info[.sqlState]
            description = prefix + message + (info[.detail].map { " (\($0))" } ?? "")
            // Class 08: connection exceptions; 57P01-57P03: the server shutting down or starting up.
            isUnreachable = sqlState.map { $0.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains($0) } ?? false
        } else if let unreachable = error.underlying as? NIOConnectionError {
            // "Connection refused", "No route to host": what an operator checks, without NIO's wrapping.
            let reasons = unreachable.connectionErrors.map { ($0.error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\($0.error)" }
            description = prefix + (reasons.first ?? "the host name does not resolve")
            isUnreachable = !reasons.isEmpty
        } else if let underlying = error.underlying {
            description = prefix + "\(underlying)"
        } else {
            description = prefix + "\(error.code)"
        }
        if [.serverClosedConnection, .clientClosedConnection, .uncleanShutdown].contains(error.code)
            || (error.code == .connectionError && (error.underlying is IOError || error.underlying is ChannelError)) {
            isUnreachable = true
        }
    }
}
