import NIOCore
import NIOPosix
import Testing
@testable import EvidenceStore

/// A statement the server never answers ends the wait as a lost connection, not a thread stuck for
/// ever (the daemon's intake once was, after a server restart).
@Suite struct PostgresWaitTests {
    @Test func anAnswerThatNeverComesIsALostConnection() throws {
        let promise = MultiThreadedEventLoopGroup.singleton.any().makePromise(of: Int.self)
        defer { promise.succeed(0) }
        #expect(throws: PostgresNoAnswer.self) { try PostgresWait.value(of: promise.futureResult, seconds: 1) }
        #expect(PostgresStoreError(PostgresNoAnswer(seconds: 1)).isUnreachable, "the caller waits for the store and retries")
    }

    @Test func anAnswerInTimeIsTheAnswer() throws {
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        #expect(try PostgresWait.value(of: loop.makeSucceededFuture(7), seconds: 60) == 7)
        #expect(try PostgresWait.value(of: loop.makeSucceededFuture(8), seconds: nil) == 8)
    }
}
