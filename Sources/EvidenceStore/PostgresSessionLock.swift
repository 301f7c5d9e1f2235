import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresStoreDatabase {
    func sessionLock(key: Int64) -> any StoreSessionLock {
        PostgresSessionLock(connections: connections, key: key, logger: logger)
    }
}

/// `pg_try_advisory_lock` on a connection outside the pool, kept open while the lock is wanted: the
/// server holds the lock for as long as that session lives and releases it when the connection
/// ends (the process killed, the network cut, `release()`).
final class PostgresSessionLock: StoreSessionLock, @unchecked Sendable {
    private let connections: PostgresConnections
    private let key: Int64
    private let logger: Logger
    // Guarded by `mutex`.
    private let mutex = NSLock()
    private var connection: PostgresConnection?
    private var held = false

    /// The lock's statements never wait for anything (a try, a round trip): an answer missing this
    /// long means the session is gone, and the intake tries again on a new one.
    static let bound: Int64 = 15

    init(connections: PostgresConnections, key: Int64, logger: Logger) {
        self.connections = connections; self.key = key; self.logger = logger
    }

    deinit { release() }

    func tryAcquire() throws -> Bool {
        try mutex.withLock {
            if let connection, !connection.isClosed {
                let session = PostgresStoreConnection(connection: connection, logger: logger, bound: Self.bound)
                do {
                    // Held: a round trip proves the session (and so the lock) still lives.
                    if held { return try session.value("SELECT true", as: Bool.self) ?? false }
                    held = try session.value("SELECT pg_try_advisory_lock(\(key))", as: Bool.self) ?? false
                    return held
                } catch {
                    // A session that did not answer gets no unlock to wait for as well.
                    closeLocked(unlocking: !((error as? PostgresStoreError)?.isUnreachable ?? false))
                    throw error
                }
            }
            // No session, or the server ended it (and with it the lock): a new one, not yet holding.
            closeLocked()
            let opened = try connections.connectOutsideThePool()
            connection = opened
            held = try PostgresStoreConnection(connection: opened, logger: logger, bound: Self.bound)
                .value("SELECT pg_try_advisory_lock(\(key))", as: Bool.self) ?? false
            return held
        }
    }

    func release() {
        mutex.withLock { closeLocked() }
    }

    private func closeLocked(unlocking: Bool = true) {
        guard let connection else { held = false; return }
        // Unlocked before the connection closes: the server ends a closed session (and frees its
        // locks) a moment after the client has gone, and another node asking in that moment was
        // refused a lock nobody wanted any more.
        if held, unlocking, !connection.isClosed {
            _ = try? PostgresStoreConnection(connection: connection, logger: logger, bound: Self.bound)
                .value("SELECT pg_advisory_unlock(\(key))", as: Bool.self)
        }
        held = false
        self.connection = nil
        PostgresWait.close(connection)
    }
}
