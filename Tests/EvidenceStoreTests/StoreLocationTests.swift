import EvidenceStoreTesting
import Foundation
import Testing
@testable import EvidenceStore

@Suite struct StoreLocationTests {
    @Test func pathsAndURLsNameTheStore() throws {
        #expect(try StoreLocation(url: "/var/lib/evidenced/evidenced.sqlite") == .sqlite(path: "/var/lib/evidenced/evidenced.sqlite"))
        #expect(try StoreLocation(url: "sqlite:///srv/e.sqlite") == .sqlite(path: "/srv/e.sqlite"))
        let postgres = try StoreLocation(url: "postgres://evidenced:s%40cret@db.internal:6432/evaluation?sslmode=require")
        #expect(postgres == .postgres(PostgresLocation(host: "db.internal", port: 6432, user: "evidenced", password: "s@cret",
                                                       database: "evaluation", tls: .require)))
        // The password given apart is used when the URL has none, and never shown.
        let apart = try StoreLocation(url: "postgresql://evidenced@db/evaluation", password: "p")
        guard case .postgres(let location) = apart else { Issue.record("not postgres"); return }
        #expect(location.password == "p" && location.port == 5432 && location.tls == .prefer)
        #expect(apart.description == "postgres://evidenced@db:5432/evaluation")
        #expect(!postgres.description.contains("cret"))
    }

    @Test(arguments: [
        ("relative/e.sqlite", "not an absolute path"),
        ("sqlite://host/e.sqlite", "three slashes"),
        ("mysql://u@h/d", "unknown store scheme 'mysql'"),
        ("postgres://db.internal/evaluation", "names no user"),
        ("postgres://u:hunter2@db.internal/", "names no database"),
        ("postgres://u@db.internal/evaluation?sslmode=always", "sslmode must be one of disable, prefer, require, verify-ca, verify-full"),
        ("postgres://u:hunter2@db.internal/evaluation?timeout=3", "unknown parameter 'timeout'"),
    ])
    func aWrongURLIsOneClearLine(url: String, reason: String) {
        do {
            _ = try StoreLocation(url: url)
            Issue.record("\(url) accepted")
        } catch {
            #expect(error.description.hasPrefix("store.url: "))
            #expect(error.description.contains(reason), "\(error)")
            #expect(!error.description.contains("hunter2"), "the password is never shown")
            #expect(!error.description.contains("\n"))
        }
    }

    /// A refused password and an unreachable server: one line that says which, never the password.
    @Test func aRefusedPasswordOrAnUnreachableServerIsOneLine() throws {
        let cluster = try TestPostgres.shared()
        var wrong = try cluster.makeDatabase()
        wrong.password = "not-the-password"
        let refused = #expect(throws: PostgresStoreError.self) { try Store(postgres: wrong) }
        #expect(refused?.description.contains("password authentication failed") == true, "\(String(describing: refused))")
        #expect(refused?.description.contains("not-the-password") == false)

        let missing = cluster.location(database: "no_such_database")
        let noDatabase = #expect(throws: PostgresStoreError.self) { try Store(postgres: missing) }
        #expect(noDatabase?.description.contains("does not exist") == true, "\(String(describing: noDatabase))")

        // A port nothing listens on (the cluster's own, one below, is not ours to assume: a closed
        // one is found by binding it).
        var down = cluster.location(database: "postgres")
        down.port = try TestPostgres.closedPort()
        let unreachable = #expect(throws: PostgresStoreError.self) { try Store(postgres: down) }
        #expect(unreachable?.description.hasPrefix("cannot connect to postgres://evidenced@127.0.0.1:") == true,
                "\(String(describing: unreachable))")
        for error in [refused, noDatabase, unreachable] { #expect(error?.description.contains("\n") == false) }
        // Only the server away is worth waiting for (`evidenced run` does): waiting cures no password.
        #expect(unreachable?.isUnreachable == true)
        #expect(refused?.isUnreachable == false && noDatabase?.isUnreachable == false)
    }
}

@Suite struct PostgresReconnectionTests {
    /// The server ends the store's idle connections (as a restart does): the next operations open
    /// new ones and succeed; nothing written before is lost.
    @Test func droppedConnectionsAreReplacedWithoutAFailure() throws {
        let location = try TestPostgres.shared().makeDatabase()
        let store = try Store(postgres: location)
        let ids = try Sample.recordChecked(store)
        let other = try Store(postgres: location)
        let ended = try other.database.write { db in
            try db.count("""
                SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()) AS t
                """)
        }
        #expect(ended >= 1)
        #expect(try store.list().map(\.id) == ids)
        try store.ack(consumer: "scoring", ids: ids)
        #expect(try store.queueDepth(consumer: "scoring") == 0)
    }
}
