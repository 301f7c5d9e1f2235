extension StoreCopier {
    /// Appends every row of the source to the target, which may already hold rows, in one target
    /// transaction through the copy's own multi-row inserts; the target's identities are moved past
    /// the appended ids and, on PostgreSQL, its planner statistics brought up to date (as after a
    /// restore). For benchmarks that need a large store fast: 100,000 submissions recorded one
    /// operation at a time are over a million round trips to PostgreSQL, while recorded into a
    /// scratch in-memory store and appended they are a few hundred statements. The store's SQL
    /// stays in its operations: the scratch store is written by them. The rows must not collide
    /// with the target's (a duplicate key fails the whole append, leaving the target as it was).
    ///
    /// Returns the rows appended.
    @discardableResult
    package func append() throws -> Int {
        let digests = try transfer { _, _ in }
        // PostgreSQL plans from statistics (SQLite's queries are hinted): without them, the first
        // queries after a large append would be planned for empty tables.
        try target.database.write { db in
            guard db.dialect == .postgres else { return }
            for name in StoreTables.copied where (digests[name]?.rows ?? 0) > 0 { try db.execute("ANALYZE \(raw: name)") }
        }
        return digests.values.reduce(0) { $0 + $1.rows }
    }
}
