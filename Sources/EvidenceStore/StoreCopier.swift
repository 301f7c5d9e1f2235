import Foundation

/// `evidenced store copy`: every table of one store into an empty other, SQLite to PostgreSQL (a
/// province that outgrows one machine) or back (a backup, a test), then compared table by table.
///
/// - The source is read as it is, in one snapshot, and never written: it must hold exactly the
///   migrations this version knows (an older one is opened once by this evidenced first).
/// - The target is migrated first and must be empty; everything is written in one target
///   transaction, so a failed copy leaves it empty again.
/// - Ids are copied, not renumbered: flag and decision ids are what consumers acked and what the
///   audit trail names. PostgreSQL's identity sequences are then moved past the copied ids, so the
///   next flag does not collide (SQLite's AUTOINCREMENT follows an inserted id by itself).
/// - Rows go in as inserts only, in `StoreTables.copied` order (parents first), so the append-only
///   triggers of `flag_decisions` never fire. The v6 triggers that keep derived columns run on
///   every insert on both backends, and give back what the source holds: `flags.unitCode` is taken
///   from the submission, copied before, and never changes (a submission's id belongs to one unit);
///   `flags.decisionId` and `flags.decision` are set by each decision inserted, in id order, so the
///   last one to set them is the latest, as in the source. The checksums prove it.
/// - The source's checksums are taken from the snapshot it copied; the target's from the target
///   read back after the commit.
package struct StoreCopier {
    package let source: Store
    package let target: Store
    /// Names the target in messages (a location's description never shows a password).
    package var targetName = "the target"
    /// Rows read from the source at a time, and written to the target.
    package var batchSize = 500
    /// Progress lines for a big store (the command writes them to stderr).
    package var progress: (String) -> Void = { _ in }

    package init(source: Store, target: Store) {
        self.source = source
        self.target = target
    }

    /// The source holds exactly the migrations this version knows; they are returned.
    @discardableResult
    package static func checkSource(_ source: Store) throws -> [String] {
        let known = Store.knownMigrations
        let recorded = try source.recordedMigrations()
        guard recorded == known else {
            throw StoreCopyError.sourceMigrations(missing: known.filter { !recorded.contains($0) },
                                                  unknown: recorded.filter { !known.contains($0) })
        }
        return recorded
    }

    package func copy() throws -> StoreCopyReport {
        let migrations = try Self.checkSource(source)
        let targetMigrations = try target.recordedMigrations()
        guard targetMigrations == migrations else {
            throw StoreCopyError.targetMigrations(source: migrations, target: targetMigrations)
        }
        let started = Date()
        let copied = try transfer { to, tables in
            for table in tables {
                guard try to.fetchOne("SELECT 1 FROM \(raw: table.target.name) LIMIT 1") == nil else {
                    throw StoreCopyError.targetNotEmpty(target: targetName, table: table.target.name)
                }
            }
        }
        let copySeconds = Date().timeIntervalSince(started)
        progress("copied in \(String(format: "%.1f", copySeconds)) s; reading the target back")
        let verifying = Date()
        let readBack = try target.database.read { db in try Self.digests(of: tables(in: db), in: db) }
        return StoreCopyReport(comparison: StoreComparison(source: copied, target: readBack),
                               copySeconds: copySeconds, verifySeconds: Date().timeIntervalSince(verifying))
    }

    /// Both sides read afresh and compared: after a copy, or later, to check a copy still holds
    /// what its source does (anything written to either since shows as a difference).
    package func verify() throws -> StoreComparison {
        let sourceMigrations = try source.recordedMigrations(), targetMigrations = try target.recordedMigrations()
        guard sourceMigrations == targetMigrations else {
            throw StoreCopyError.targetMigrations(source: sourceMigrations, target: targetMigrations)
        }
        let sourceDigests = try source.database.read { db in try Self.digests(of: tables(in: db), in: db) }
        let targetDigests = try target.database.read { db in try Self.digests(of: tables(in: db), in: db) }
        return StoreComparison(source: sourceDigests, target: targetDigests)
    }

    /// Every table's rows from one source snapshot into one target transaction, with the target's
    /// identities moved past the ids written; `before` runs first in that transaction (a check of
    /// the target). Returns each table's digest as read from the source.
    func transfer(before: (_ target: any StoreConnection, _ tables: [(source: StoreTableSchema, target: StoreTableSchema)]) throws -> Void)
        throws -> [String: TableDigest] {
        try source.database.read { from in
            try target.database.write { to in
                let tables = try Self.schemas(from, to)
                try before(to, tables)
                var digests: [String: TableDigest] = [:]
                for table in tables { digests[table.source.name] = try copyRows(of: table, from: from, to: to) }
                try Self.moveIdentities(past: tables.map(\.target), in: to)
                return digests
            }
        }
    }

    private func tables(in db: any StoreConnection) throws -> [StoreTableSchema] {
        try StoreTables.copied.map { try db.tableSchema($0) }
    }

    /// Each copied table as both sides describe it; they must agree.
    private static func schemas(_ from: any StoreConnection, _ to: any StoreConnection) throws
        -> [(source: StoreTableSchema, target: StoreTableSchema)] {
        try StoreTables.copied.map { name in
            let pair = (source: try from.tableSchema(name), target: try to.tableSchema(name))
            guard pair.source.matches(pair.target) else { throw StoreCopyError.schemasDiffer(table: name) }
            return pair
        }
    }

    private func copyRows(of table: (source: StoreTableSchema, target: StoreTableSchema),
                          from: any StoreConnection, to: any StoreConnection) throws -> TableDigest {
        let name = table.source.name
        let total = try from.count("SELECT COUNT(*) FROM \(raw: name)")
        let columns = table.target.columns.map(\.name).joined(separator: ", ")
        // Several rows a statement (one round trip on PostgreSQL), under both backends' limits on
        // bound values (SQLite 32,766, PostgreSQL 65,535).
        let rowsPerInsert = max(1, min(batchSize, 10_000 / table.target.columns.count))
        var digest = TableDigest()
        var reported = Date()
        try from.forEachBatch(of: table.source, batchSize: batchSize) { rows in
            for row in rows { digest.add(row) }
            for start in stride(from: 0, to: rows.count, by: rowsPerInsert) {
                let values: [StoreSQL] = rows[start..<min(start + rowsPerInsert, rows.count)].map { "\(list: $0)" }
                try to.execute("INSERT INTO \(raw: name) (\(raw: columns)) VALUES \(sql: values.joined(separator: ", "))")
            }
            if Date().timeIntervalSince(reported) >= 2 {
                progress("\(name): \(digest.rows) of \(total) rows")
                reported = Date()
            }
        }
        if total > 0 { progress("\(name): \(digest.rows) \(digest.rows == 1 ? "row" : "rows")") }
        return digest
    }

    /// PostgreSQL's identity columns (flags.id, flag_decisions.id) continue after the copied ids.
    private static func moveIdentities(past tables: [StoreTableSchema], in db: any StoreConnection) throws {
        for table in tables {
            for column in table.columns where column.identity {
                try db.execute("""
                    SELECT setval(pg_get_serial_sequence(\(table.name), \(column.name)), COALESCE(MAX(\(raw: column.name)), 0) + 1, false)
                    FROM \(raw: table.name)
                    """)
            }
        }
    }

    private static func digests(of tables: [StoreTableSchema], in db: any StoreConnection) throws -> [String: TableDigest] {
        var digests: [String: TableDigest] = [:]
        for table in tables {
            var digest = TableDigest()
            try db.forEachBatch(of: table, batchSize: 1000) { rows in for row in rows { digest.add(row) } }
            digests[table.name] = digest
        }
        return digests
    }
}

extension StoreCopier {
    /// `evidenced store copy --from --to`: the source opened as it is and checked before the target
    /// is opened (and so created and migrated), then copied and compared.
    package static func copy(from: StoreLocation, to: StoreLocation, progress: @escaping (String) -> Void) throws -> StoreCopyReport {
        let source = try Store.openExisting(from)
        try checkSource(source)
        var copier = StoreCopier(source: source, target: try Store.open(to))
        copier.targetName = to.description
        copier.progress = progress
        return try copier.copy()
    }

    /// `evidenced store verify --from --to`: two existing stores compared, neither migrated nor written.
    package static func verify(from: StoreLocation, to: StoreLocation) throws -> StoreComparison {
        try StoreCopier(source: Store.openExisting(from), target: Store.openExisting(to)).verify()
    }
}
