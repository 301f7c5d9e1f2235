import NIOCore
import PostgresNIO

/// Every wait of the store's threads on postgres-nio is bounded. A statement sent on a connection
/// the server was dropping at that moment can go unanswered for ever (seen: the daemon's intake
/// stuck in its lock's round trip after the server restarted, never taking another upload and
/// never stopping); bounded, it fails as a lost connection, the connection is dropped, and the
/// caller's usual waiting and retrying for a store that is away takes over.
enum PostgresWait {
    /// A statement: far beyond any of the store's (a few milliseconds; a page's reads well under
    /// a second). Migrations, which may build an index on a large table, wait without a bound.
    static let statementSeconds: Int64 = 120
    /// Opening a connection: TCP, TLS, startup and login.
    static let connectSeconds: Int64 = 30
    /// Closing a connection: only the goodbye; the socket goes either way.
    static let closeSeconds: Int64 = 10

    /// The future's value, or `PostgresNoAnswer` after `seconds` (nil: no bound).
    static func value<Value: Sendable>(of future: EventLoopFuture<Value>, seconds: Int64?) throws -> Value {
        guard let seconds else { return try future.wait() }
        let promise = future.eventLoop.makePromise(of: Value.self)
        future.cascade(to: promise)
        let timer = future.eventLoop.scheduleTask(in: .seconds(seconds)) { promise.fail(PostgresNoAnswer(seconds: seconds)) }
        defer { timer.cancel() }
        return try promise.futureResult.wait()
    }

    /// Closes the connection, waiting for it at most `closeSeconds`.
    static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        _ = try? value(of: closing, seconds: closeSeconds)
    }
}

/// The server did not answer within the bound: taken as a lost connection.
struct PostgresNoAnswer: Error, CustomStringConvertible {
    let seconds: Int64
    var description: String { "no answer from the server in \(seconds) s" }
}
