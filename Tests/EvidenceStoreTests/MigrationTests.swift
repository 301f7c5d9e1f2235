import Foundation
import GRDB
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct MigrationTests {
    static let expected = ["v1-documents", "v1-submissions", "v1-flags", "v1-queue", "v2-document-bytes", "v3-evidence-lookups", "v4-flag-field-box", "v5-web-accounts", "v6-flag-decisions", "v7-metrics-role", "v8-unit-roster", "v9-season", "v10-season-index", "v11-leases", "v12-change-stamps", "v13-claim-order"]

    @Test(arguments: StoreBackend.allCases) func migratesAnEmptyDatabaseInOrder(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(try store.appliedMigrations() == Self.expected)
        let tables = try store.database.read { db in
            switch db.dialect {
            case .sqlite: try db.values("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", as: String.self)
            case .postgres: try db.values("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename", as: String.self)
            }
        }
        for table in ["documents", "submissions", "submission_files", "claims", "claim_evidence", "flags", "queue_acks"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test(arguments: StoreBackend.allCases) func reopeningKeepsDataAndAppliesNothingTwice(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let location = try backend.makeLocation(in: dir.url.appendingPathComponent("nested/data"))
        let ids = try Sample.recordChecked(location.open())

        let reopened = try location.open()
        #expect(try reopened.appliedMigrations() == Self.expected)
        #expect(try reopened.list().map(\.id) == ids)
        let again = try location.open()
        #expect(try again.appliedMigrations() == Self.expected)
    }

    /// Two processes starting on a new database at once: the schema is created once.
    @Test(arguments: StoreBackend.allCases) func storesOpeningANewDatabaseTogetherMigrateItOnce(_ backend: StoreBackend) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let location = try backend.makeLocation(in: dir.url)
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { try location.open().appliedMigrations() } }
            for try await applied in group { #expect(applied == Self.expected) }
        }
    }

    @Test func bothBackendsHaveTheSameMigrationsInTheSameOrder() {
        #expect(PostgresStoreDatabase.migrations.map(\.identifier) == Store.migrator.migrations)
    }

    @Test func aVersion1DatabaseUpgradesKeepingItsQueue() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("evidenced.sqlite")
        do {
            // The database as the first release left it, with a queued document.
            let queue = try DatabaseQueue(path: path)
            try Store.migrator.migrate(queue, upTo: "v1-queue")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO documents (sha256, name, state, attempts, createdAt, updatedAt)
                    VALUES (?, 'kh.pdf', 'queued', 0, datetime('now'), datetime('now'))
                    """, arguments: [sha("kh")])
            }
        }
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Self.expected)
        #expect(try store.takeQueuedDocuments(limit: 5) == [sha("kh")])
    }

    @Test func aVersion2DatabaseGetsItsDocumentsKeyedByNumber() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("evidenced.sqlite")
        let (doc, fields) = Sample.document("kh-45.pdf")
        do {
            // A parsed document and a submission giving it, as version 2 stored them.
            let queue = try DatabaseQueue(path: path)
            try Store.migrator.migrate(queue, upTo: "v2-document-bytes")
            let json = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO documents (sha256, name, state, fields, number, issuer, attempts, createdAt, updatedAt)
                    VALUES (?, 'kh-45.pdf', 'parsed', ?, ?, ?, 0, datetime('now'), datetime('now'))
                    """, arguments: [doc.sha256, json, fields.number, fields.issuer])
            }
        }
        let store = try Store(path: path)
        _ = try store.recordSubmission(Sample.submission("a-2024"), manifestSHA256: sha("ma"), files: ["kh-45.pdf": doc.sha256])
        let found = try store.evidence(sharing: [], numberKeys: ["45/KH-UDND"])
        #expect(found.map(\.file) == ["kh-45.pdf"])
        let plan = try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT sha256 FROM documents WHERE numberKey = 'x'").map { $0["detail"] as String }.joined()
        }
        #expect(plan.contains("documents_on_numberKey"))
    }

    @Test func aVersion5DatabasesFlagsJoinTheReviewQueueUnderTheirUnit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("evidenced.sqlite")
        let ids: [Int64]
        do {
            // Flags recorded before v6: their unit is filled in from their submission.
            let store = try Store(writer: try DatabaseQueue(path: path), path: path, upTo: "v5-web-accounts")
            ids = try Sample.recordChecked(store, id: "sonha-2024", unit: Sample.sonha)
        }
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Self.expected)
        let page = try store.review(ReviewQuery(units: [Sample.sonha.code]))
        #expect(page.items.map(\.flag.id) == ids.reversed())
        #expect(page.items.allSatisfy { $0.decision == nil })
        try store.decide(flagId: ids[0], by: "a", action: .confirm)
        #expect(try store.review(ReviewQuery(state: .confirmed)).items.map(\.flag.id) == [ids[0]])
    }

    @Test func aVersion6DatabaseKeepsItsAccountsTokensAndSessionsAndTakesAMetricsRole() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("evidenced.sqlite")
        do {
            let store = try Store(writer: try DatabaseQueue(path: path), path: path, upTo: "v6-flag-decisions")
            try store.addUser(UserAccount(name: "bato", role: .unit, unitCode: Sample.sonha.code), passwordHash: "$2b$hash", unit: Sample.sonha)
            try store.addToken(hash: String(repeating: "t", count: 64), for: "bato")
            try store.createSession(tokenHash: String(repeating: "s", count: 64), user: "bato", csrfToken: "c", expiresAt: Date().addingTimeInterval(3600))
        }
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Self.expected)
        #expect(try store.user(tokenHash: String(repeating: "t", count: 64))?.name == "bato")
        #expect(try store.session(tokenHash: String(repeating: "s", count: 64))?.account.name == "bato")
        #expect(try store.credentials(of: "bato")?.passwordHash == "$2b$hash")
        try store.addUser(UserAccount(name: "prometheus", role: .metrics), passwordHash: nil)
        #expect(try store.user(named: "prometheus")?.role == .metrics)
        // The tokens still belong to their account: disabling it ends them.
        try store.disableUser(named: "bato")
        #expect(try store.user(tokenHash: String(repeating: "t", count: 64)) == nil)
        let violations = try store.writer.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty)
    }

    @Test func fileStoreIsWALWithForeignKeysOn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("evidenced.sqlite"))
        #expect(try store.journalMode() == "wal")
        let (foreignKeys, synchronous) = try store.writer.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(foreignKeys == 1)
        #expect(synchronous == 2)  // FULL
    }

    @Test(arguments: StoreBackend.allCases) func foreignKeysRefuseAnOrphanFlag(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(throws: (any Error).self) {
            try store.database.write { db in
                try db.execute("""
                    INSERT INTO flags (submissionId, revision, claimIndex, indicator, score, reason, message, createdAt)
                    VALUES ('nobody', 1, 0, '1.1', 1, 'draft', 'x', \(Date()))
                    """)
            }
        }
    }
}
