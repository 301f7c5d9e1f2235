import EvidenceModel
import Foundation

/// The appraisers' review queue: current flags with their decisions, filtered, paged by key so a
/// page costs the same at the first flag and at the 100,000th (indexes of v6).
extension Store {
    package func review(_ query: ReviewQuery) throws -> ReviewPage {
        let limit = min(max(1, query.limit), 500)
        return try database.read { db in
            var flags = try Self.fetchQueued(db, try Self.reviewSQL(db, query, limit: limit + 1))
            let more = flags.count > limit
            if more { flags.removeLast() }
            let decisions = try Self.currentDecisions(db, flagIds: flags.map(\.id))
            let counts = try Self.reasonCounts(db, query)
            return ReviewPage(items: flags.map { ReviewItem(flag: $0, decision: decisions[$0.id]) },
                              nextAfter: more ? flags.last?.id : nil, countsByReason: counts)
        }
    }

    /// The page query, for `review` and for checking its plan.
    static func reviewSQL(_ db: any StoreConnection, _ query: ReviewQuery, limit: Int) throws -> StoreSQL {
        var conditions = filters(query, includingReason: true)
        switch query.order {
        case .newest:
            if let after = query.after { conditions.append("f.id < \(after)") }
        case .unit:
            if let after = query.after {
                // The row value (unit, id) of the previous page's last flag, looked up under the
                // same scope as the page: a cursor outside it (another unit's flag id) starts from
                // the beginning, so paging never tells where an unseen unit sorts.
                let scope = filters(ReviewQuery(units: query.units, frameworks: query.frameworks), includingReason: false)
                let unit = try db.value("""
                    SELECT f.unitCode FROM flags f JOIN submissions s ON s.id = f.submissionId
                    WHERE f.id = \(after) AND \(sql: scope.joined(separator: " AND "))
                    """, as: String.self)
                if let unit { conditions.append("(f.unitCode, f.id) > (\(unit), \(after))") }
            }
        }
        let order = query.order == .newest ? "f.id DESC" : "f.unitCode, f.id"
        // Without statistics SQLite prefers the equality on supersededAt and sorts every current flag
        // by unit; the unit index gives them in order (its condition is always among the filters).
        let flags = query.order == .newest ? "flags f" : db.dialect.table("flags", "f", indexedBy: "flags_review_unit")
        return """
            \(sql: queuedSelect(from: flags)) WHERE \(sql: conditions.joined(separator: " AND ")) ORDER BY \(raw: order) LIMIT \(limit)
            """
    }

    static func reasonCounts(_ db: any StoreConnection, _ query: ReviewQuery) throws -> [FlagReason: Int] {
        let conditions = filters(query, includingReason: false)
        let rows = try db.fetch("""
            SELECT f.reason, COUNT(*) AS n FROM flags f JOIN submissions s ON s.id = f.submissionId WHERE \(sql: conditions.joined(separator: " AND ")) GROUP BY f.reason
            """)
        var counts: [FlagReason: Int] = [:]
        for row in rows {
            if let reason: FlagReason = row["reason"] { counts[reason] = row["n"] }
        }
        return counts
    }

    /// `supersededAt IS NULL` is spelled as the partial indexes spell it, so SQLite can use them.
    private static func filters(_ query: ReviewQuery, includingReason: Bool) -> [StoreSQL] {
        // A unit's pre-check is its own trial: never in the council's queue.
        var conditions: [StoreSQL] = ["f.supersededAt IS NULL", "s.precheck = FALSE"]
        // No visible unit: nothing to show (an empty list matches nothing).
        if let units = query.units { conditions.append("f.unitCode IN \(list: units)") }
        if let frameworks = query.frameworks { conditions.append("s.framework IN \(list: frameworks)") }
        if let unit = query.unit { conditions.append("f.unitCode = \(unit)") }
        if let indicator = query.indicator { conditions.append("f.indicator = \(indicator)") }
        if includingReason, let reason = query.reason { conditions.append("f.reason = \(reason)") }
        if let state = query.state {
            if let action = state.action {
                conditions.append("f.decision = \(action)")
            } else {
                conditions.append("f.decision IS NULL")
            }
        }
        return conditions
    }

    /// The database's plan for the page query (SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's
    /// EXPLAIN lines), for tests.
    package func reviewPlan(_ query: ReviewQuery) throws -> [String] {
        try database.read { db in
            let sql = try Self.reviewSQL(db, query, limit: query.limit + 1)
            switch db.dialect {
            case .sqlite: return try db.fetch("EXPLAIN QUERY PLAN " + sql).map { $0["detail"] ?? "" }
            case .postgres: return try db.values("EXPLAIN " + sql, as: String.self)
            }
        }
    }
}

extension Store {
    /// The flags before and after `id` in the review queue's newest-first order, among `units`
    /// (nil: all): the flag screen's previous and next. Both lookups walk the primary key.
    package func reviewNeighbours(of id: Int64, units: [String]?, frameworks: [String]? = nil) throws -> (previous: Int64?, next: Int64?) {
        try database.read { db in
            var scope: StoreSQL = ""
            if let units { scope = scope + " AND f.unitCode IN \(list: units)" }
            if let frameworks { scope = scope + " AND s.framework IN \(list: frameworks)" }
            let base: StoreSQL = "SELECT f.id FROM flags f JOIN submissions s ON s.id = f.submissionId WHERE f.supersededAt IS NULL AND s.precheck = FALSE\(sql: scope)"
            let previous = try db.value(base + " AND f.id > \(id) ORDER BY f.id ASC LIMIT 1", as: Int64.self)
            let next = try db.value(base + " AND f.id < \(id) ORDER BY f.id DESC LIMIT 1", as: Int64.self)
            return (previous, next)
        }
    }
}
