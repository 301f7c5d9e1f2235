import EvidenceModel
import EvidenceStoreTesting
import Foundation
import GRDB
import Testing
@testable import EvidenceStore

/// `evidenced store copy` and `store verify` (issue 20, step 5): a store filled through the store's
/// own API is copied to the other backend and answers every query the same; the copier's table
/// list is the schema's; a non-empty target, a foreign source and a tampered row are caught.
@Suite struct StoreCopyTests {
    /// Both directions: SQLite to PostgreSQL (a province growing), PostgreSQL to SQLite (a backup).
    static let directions: [(StoreBackend, StoreBackend)] = [(.sqlite, .postgres), (.postgres, .sqlite)]

    @Test(arguments: StoreBackend.allCases) func theCopiersTableListIsTheSchemasInForeignKeyOrder(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let tables = try store.database.read { db in try db.tableNames() }.filter { !StoreTables.bookkeeping.contains($0) }
        for table in tables where !StoreTables.copied.contains(table) {
            Issue.record("""
                table \(table) is in the \(backend) schema but not in StoreTables.copied \
                (Sources/EvidenceStore/StoreTables.swift): add it there, after the tables it references, \
                so that `evidenced store copy` carries it
                """)
        }
        for table in StoreTables.copied where !tables.contains(table) {
            Issue.record("StoreTables.copied names \(table), which the \(backend) schema does not hold")
        }
        // Parents first: a target checks each foreign key as the row goes in.
        for (position, table) in StoreTables.copied.enumerated() where tables.contains(table) {
            for parent in try Self.referencedTables(of: table, in: store) where parent != table {
                let parentPosition = StoreTables.copied.firstIndex(of: parent)
                #expect(parentPosition.map { $0 < position } == true,
                        "StoreTables.copied lists \(table) before \(parent), which it references")
            }
        }
    }

    @Test(arguments: directions) func aFilledStoreCopiedToTheOtherBackendAnswersTheSame(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try from.makeStore()
        let now = Date()
        let filled = try Self.fill(source, now: now)
        let target = try to.makeStore()
        var lines: [String] = []
        var copier = StoreCopier(source: source, target: target)
        copier.batchSize = 3  // several batches a table, and keyset paging over composite keys
        copier.progress = { lines.append($0) }
        let report = try copier.copy()

        #expect(report.comparison.mismatched.isEmpty)
        for table in report.comparison.tables {
            #expect(table.sourceRows > 0, "the fill leaves \(table.name) empty: its copy is not proven")
            #expect(table.sourceRows == table.targetRows && table.sourceChecksum.count == 64)
        }
        #expect(lines.contains("flags: \(report.comparison.tables.first { $0.name == "flags" }!.sourceRows) rows"))

        // The same answers from the same store API (dates compared to the millisecond both keep).
        for store in [source, target] {
            #expect(try store.appliedMigrations() == Store.migrator.migrations)
        }
        func same<Value>(_ query: (Store) throws -> Value) throws {
            let (copied, original) = (Self.dump(try query(target)), Self.dump(try query(source)))
            #expect(copied == original)
        }
        try same { try $0.review(ReviewQuery()) }
        try same { try $0.review(ReviewQuery(state: .dismissed)) }
        try same { try $0.review(ReviewQuery(unit: Sample.sonha.code)) }
        try same { try $0.list(includeSuperseded: true) }
        try same { try $0.allDecisions() }
        try same { try $0.counts() }
        for consumer in ["scoring", "audit"] { try same { try $0.pullEvents(consumer: consumer) } }
        #expect(try !target.pullEvents(consumer: "scoring").isEmpty)
        for id in ["trabong-huyen-2024", "sonha-huyen-2024"] {
            try same { try $0.submission(id: id) }
            try same { try $0.submissionSummary(id: id) }
        }
        try same { try $0.document(sha256: filled.document) }
        try same { try $0.users() }
        try same { try $0.units() }
        try same { try $0.session(tokenHash: filled.session, at: now) }
        #expect(try target.credentials(of: "bato")?.passwordHash == "$2b$12$hash")
        #expect(try target.user(tokenHash: filled.token)?.name == "scoring")
        #expect(try target.session(tokenHash: filled.session, at: now)?.account.name == "bato")

        // New rows continue after the copied ids, on the target as on the source.
        let maxFlag = try #require(try source.list(includeSuperseded: true).map(\.id).max())
        let maxDecision = try #require(try source.allDecisions().map(\.id).max())
        let newFlags = try Sample.recordChecked(target, id: "bato-huyen-2024", unit: Self.bato)
        #expect(newFlags.allSatisfy { $0 > maxFlag })
        #expect(try target.decide(flagId: newFlags[0], by: "council", action: .confirm).id > maxDecision)
    }

    @Test(arguments: directions) func aNonEmptyTargetIsRefusedAndLeftAsItWas(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try from.makeStore()
        try Self.fill(source, now: Date())
        let target = try to.makeStore()
        try target.addUser(UserAccount(name: "admin", role: .admin), passwordHash: "$2b$12$x")
        var copier = StoreCopier(source: source, target: target)
        copier.targetName = "postgres://evidenced@db/evidenced"
        #expect(throws: StoreCopyError.targetNotEmpty(target: "postgres://evidenced@db/evidenced", table: "users")) {
            try copier.copy()
        }
        #expect(try target.users().map(\.name) == ["admin"])
        #expect(try target.counts() == Store.inMemory().counts())
        #expect("\(StoreCopyError.targetNotEmpty(target: "x", table: "users"))"
            == "the target x is not empty (users holds rows): store copy writes only into an empty database")
    }

    /// `StoreCopier.append`, bench-check's bulk load: a scratch store's rows added to a store that
    /// holds some, read back through the store's API; ids go on after the target's; rows that
    /// collide fail the whole append and leave the target as it was.
    @Test(arguments: StoreBackend.allCases) func appendAddsAScratchStoresRowsToAStoreThatHoldsSome(_ backend: StoreBackend) throws {
        let target = try backend.makeStore()
        let earlierFlags = try Sample.recordChecked(target)
        let scratch = try Store.inMemory()
        _ = try scratch.recordSubmission(Sample.submission("sonha-huyen-2024", unit: Sample.sonha),
                                         manifestSHA256: sha("manifest-sonha"), files: Sample.files(salt: "sonha"))
        let (document, fields) = Sample.document("kh-45.pdf")
        try scratch.saveDocument(document, fields: fields)

        #expect(try StoreCopier(source: scratch, target: target).append() > 0)
        let appended = try #require(try target.submission(id: "sonha-huyen-2024"))
        #expect(appended.files == Sample.files(salt: "sonha") && appended.state == .queued)
        #expect(try target.document(sha256: sha("kh-45.pdf"))?.fields == fields)
        #expect(try target.submission(id: "trabong-huyen-2024")?.state == .checked)
        let newFlags = try target.recordResult(Sample.result("sonha-huyen-2024", unit: Sample.sonha))
        #expect(newFlags.allSatisfy { $0 > earlierFlags.max()! })

        let before = try target.counts()
        #expect(throws: (any Error).self) { try StoreCopier(source: scratch, target: target).append() }
        #expect(try target.counts() == before)
    }

    @Test(arguments: directions) func verifyNamesATamperedTable(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try from.makeStore()
        let filled = try Self.fill(source, now: Date())
        let target = try to.makeStore()
        #expect(try StoreCopier(source: source, target: target).copy().comparison.mismatched.isEmpty)
        #expect(try StoreCopier(source: source, target: target).verify().mismatched.isEmpty)

        // One character of one flag's message.
        #expect(try target.database.write { db in try db.execute("UPDATE flags SET message = message || '.' WHERE id = \(filled.flags[0])") } == 1)
        let tampered = try StoreCopier(source: source, target: target).verify()
        #expect(tampered.mismatched == ["flags"])
        let flags = try #require(tampered.tables.first { $0.name == "flags" })
        #expect(flags.sourceRows == flags.targetRows && flags.sourceChecksum != flags.targetChecksum)
        #expect(tampered.rendered.contains("DIFFERS"))

        // A boolean and a row less, on the source side this time.
        try source.database.write { db in
            try db.execute("UPDATE users SET disabled = \(true) WHERE name = 'bato'")
            try db.execute("DELETE FROM decision_acks")
        }
        #expect(try StoreCopier(source: source, target: target).verify().mismatched == ["flags", "users", "decision_acks"])
    }

    /// A copy never changes its source: an older store is refused rather than migrated, and one
    /// written by a newer evidenced (a migration this version does not know) is refused too.
    @Test func aSourceWithOtherMigrationsIsRefusedAndNotChanged() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let older = dir.path("older.sqlite")
        do { _ = try Store(writer: try DatabasePool(path: older), path: older, upTo: "v5-web-accounts") }
        let target = try StoreBackend.sqlite.makeStore()
        // Every migration after v5, whichever this version has (the same list on both backends).
        let missing = Array(PostgresStoreDatabase.migrations.map(\.identifier).drop { $0 != "v6-flag-decisions" })
        #expect(missing.first == "v6-flag-decisions")
        #expect(throws: StoreCopyError.sourceMigrations(missing: missing, unknown: [])) {
            try StoreCopier(source: Store.openExisting(.sqlite(path: older)), target: target).copy()
        }
        #expect(try Store.openExisting(.sqlite(path: older)).recordedMigrations().last == "v5-web-accounts")

        let newer = dir.path("newer.sqlite")
        try Store(path: newer).writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        #expect(throws: StoreCopyError.sourceMigrations(missing: [], unknown: ["v99-future"])) {
            try StoreCopier(source: Store.openExisting(.sqlite(path: newer)), target: target).copy()
        }
        #expect(throws: StoreCopyError.noSQLiteStore(path: dir.path("none.sqlite"))) {
            try Store.openExisting(.sqlite(path: dir.path("none.sqlite")))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("none.sqlite")))
        #expect(try target.counts() == Store.inMemory().counts())
    }

    @Test func theSourceIsReadOnlyAndUnmigratedWhenOpenedForACopy() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("evidenced.sqlite")
        try Self.fill(try Store(path: path), now: Date())
        let source = try Store.openExisting(.sqlite(path: path))
        #expect(throws: (any Error).self) { try source.addUser(UserAccount(name: "x", role: .admin), passwordHash: nil) }
        let postgres = try TestPostgres.shared().makeDatabase()
        #expect(try Store.openExisting(.postgres(postgres)).recordedMigrations().isEmpty)
        let report = try StoreCopier.copy(from: .sqlite(path: path), to: .postgres(postgres)) { _ in }
        #expect(report.comparison.mismatched.isEmpty && report.comparison.sourceRows > 20)
        #expect(try StoreCopier.verify(from: .sqlite(path: path), to: .postgres(postgres)).mismatched.isEmpty)
    }

    /// Values that normalise differently on the two backends unless taken care of: dates written by
    /// SQLite's own `datetime('now')` (no milliseconds), fractional and large scores, text with
    /// separators and accents, a boolean, nulls.
    @Test func awkwardValuesCrossUnchanged() throws {
        let source = try StoreBackend.sqlite.makeStore()
        try Sample.recordChecked(source)
        try source.writer.write { db in
            try db.execute(sql: """
                INSERT INTO documents (sha256, name, state, attempts, createdAt, updatedAt, bytes, failureMessage)
                VALUES (?, 'tờ trình\u{1F}\u{1E}.pdf', 'failed', 3, datetime('now'), '2024-02-29 23:59:59.999', 9007199254740993, NULL)
                """, arguments: [sha("odd")])
            try db.execute(sql: "UPDATE claims SET score = 0.1 + 0.2 WHERE claimIndex = 0")
            try db.execute(sql: "UPDATE claims SET score = 1e300 WHERE claimIndex = 1")
        }
        let target = try StoreBackend.postgres.makeStore()
        let report = try StoreCopier(source: source, target: target).copy()
        #expect(report.comparison.mismatched.isEmpty)
        #expect(try Self.dump(target.document(sha256: sha("odd")) as Any) == Self.dump(source.document(sha256: sha("odd")) as Any))
        let scores = try target.database.read { db in try db.values("SELECT score FROM claims ORDER BY claimIndex", as: Double.self) }
        #expect(scores == [0.1 + 0.2, 1e300])
    }

    // MARK: - Support

    static let bato = Submission.Unit(code: "H-BATO", name: "ỦY BAN NHÂN DÂN HUYỆN BA TƠ", level: .district)

    struct Filled {
        var document: String
        var flags: [Int64]
        var token: String
        var session: String
    }

    /// Every table holds rows, written through the store's API: documents (parsed and queued), two
    /// units' submissions with claims, evidence and flags, a resubmission that withdraws some,
    /// decisions with a revision, accounts, a token, a session, flag and decision acks.
    @discardableResult
    static func fill(_ store: Store, now: Date) throws -> Filled {
        let (document, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(document, fields: fields)
        _ = try store.enqueueDocument(sha256: sha("queued"), name: "bc-7.pdf", bytes: 123_456)
        let trabong = try Sample.recordChecked(store)
        let sonha = try Sample.recordChecked(store, id: "sonha-huyen-2024", unit: Sample.sonha,
                                             result: Sample.result("sonha-huyen-2024", unit: Sample.sonha,
                                                                   first: [Sample.aboveMax, Sample.numberMismatch]))
        // A changed manifest: its earlier flags are superseded, the new result queues others.
        _ = try store.recordSubmission(Sample.submission("trabong-huyen-2024", score: 2.5), manifestSHA256: sha("manifest-2"),
                                       files: Sample.files(salt: "trabong-huyen-2024"))
        let rechecked = try store.recordResult(Sample.result(first: [Sample.aboveMax], second: []))
        try store.ack(consumer: "scoring", QueueAcks(flags: trabong))

        let first = try store.decide(flagId: sonha[0], by: "council", action: .confirm, supportedScore: 1.5, at: now)
        try store.decide(flagId: sonha[0], by: "council-2", action: .dismiss, comment: "Đã xem bản gốc; số đúng", at: now.addingTimeInterval(61))
        try store.decide(flagId: rechecked[0], by: "council", action: .confirm, at: now.addingTimeInterval(62))
        let scoreEvent = try store.database.read { db in try db.values("SELECT id FROM score_events ORDER BY id", as: Int64.self) }
        try store.ack(consumer: "scoring", QueueAcks(flags: [sonha[0]], decisions: [first.id], scores: Array(scoreEvent.prefix(1))))
        try store.publishSeason(framework: "thanhhoa-dti-district-2021", period: .year(2024), by: "council", at: now)

        try store.addUser(UserAccount(name: "bato", role: .unit, unitCode: Sample.sonha.code), passwordHash: "$2b$12$hash", unit: Sample.sonha)
        try store.addUser(UserAccount(name: "council", role: .appraiser, frameworks: ["thanhhoa-dti-district-2021"],
                                      unitCodes: [Sample.sonha.code]), passwordHash: "$2b$12$other")
        try store.addUser(UserAccount(name: "scoring", role: .consumer), passwordHash: nil)
        let token = String(repeating: "ab", count: 32), session = String(repeating: "cd", count: 32)
        try store.addToken(hash: token, for: "scoring")
        try store.createSession(tokenHash: session, user: "bato", csrfToken: "csrf-1", expiresAt: now.addingTimeInterval(3600))
        return Filled(document: document.sha256, flags: sonha + rechecked, token: token, session: session)
    }

    /// A value as text to compare across backends: dates to the millisecond (each backend's reading
    /// of the same stored instant may differ in its last binary digits), dictionaries and sets sorted.
    static func dump(_ value: Any) -> String {
        if let date = value as? Date { return "\(Int64((date.timeIntervalSince1970 * 1000).rounded()))ms" }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { dump($0.value) } ?? "nil" }
        guard !mirror.children.isEmpty else { return String(describing: value) }
        var parts = mirror.children.map { ($0.label.map { $0 + ": " } ?? "") + dump($0.value) }
        if mirror.displayStyle == .dictionary || mirror.displayStyle == .set { parts.sort() }
        return "\(type(of: value))(\(parts.joined(separator: ", ")))"
    }

    /// The tables a table's foreign keys name.
    static func referencedTables(of table: String, in store: Store) throws -> [String] {
        try store.database.read { db in
            switch db.dialect {
            case .sqlite: try db.values("SELECT \"table\" FROM pragma_foreign_key_list(\(table))", as: String.self)
            case .postgres: try db.values("SELECT confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid = \(table)::regclass", as: String.self)
            }
        }
    }
}
