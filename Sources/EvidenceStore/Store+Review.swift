import EvidenceModel
import Foundation
import GRDB

/// The appraisers' review queue: current flags with their decisions, filtered, paged by key so a
/// page costs the same at the first flag and at the 100,000th (indexes of v6).
extension Store {
    package func review(_ query: ReviewQuery) throws -> ReviewPage {
        let limit = min(max(1, query.limit), 500)
        return try writer.read { db in
            let (sql, arguments) = try Self.reviewSQL(db, query, limit: limit + 1)
            var flags = try Self.fetchQueued(db, sql: sql, arguments: arguments)
            let more = flags.count > limit
            if more { flags.removeLast() }
            let decisions = try Self.currentDecisions(db, flagIds: flags.map(\.id))
            let counts = try Self.reasonCounts(db, query)
            return ReviewPage(items: flags.map { ReviewItem(flag: $0, decision: decisions[$0.id]) },
                              nextAfter: more ? flags.last?.id : nil, countsByReason: counts)
        }
    }

    /// The page query, for `review` and for checking its plan.
    static func reviewSQL(_ db: Database, _ query: ReviewQuery, limit: Int) throws -> (String, StatementArguments) {
        var (conditions, arguments) = filters(query, includingReason: true)
        switch query.order {
        case .newest:
            if let after = query.after {
                conditions.append("f.id < ?")
                _ = arguments.append(contentsOf: [after])
            }
        case .unit:
            if let after = query.after {
                // The row value (unit, id) of the previous page's last flag, looked up under the
                // same scope as the page: a cursor outside it (another unit's flag id) starts from
                // the beginning, so paging never tells where an unseen unit sorts.
                let (scope, scopeArguments) = filters(ReviewQuery(units: query.units, frameworks: query.frameworks), includingReason: false)
                let unit = try String.fetchOne(db, sql: """
                    SELECT f.unitCode FROM flags f JOIN submissions s ON s.id = f.submissionId
                    WHERE f.id = ? AND \(scope.joined(separator: " AND "))
                    """, arguments: StatementArguments([after]) + scopeArguments)
                if let unit {
                    conditions.append("(f.unitCode, f.id) > (?, ?)")
                    _ = arguments.append(contentsOf: [unit, after])
                }
            }
        }
        let order = query.order == .newest ? "f.id DESC" : "f.unitCode, f.id"
        // Without statistics SQLite prefers the equality on supersededAt and sorts every current flag
        // by unit; the unit index gives them in order (its condition is always among the filters).
        let select = query.order == .newest ? queuedSelect
            : queuedSelect.replacingOccurrences(of: "FROM flags f JOIN", with: "FROM flags f INDEXED BY flags_review_unit JOIN")
        let sql = "\(select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT \(limit)"
        return (sql, arguments)
    }

    static func reasonCounts(_ db: Database, _ query: ReviewQuery) throws -> [FlagReason: Int] {
        let (conditions, arguments) = filters(query, includingReason: false)
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.reason, COUNT(*) AS n FROM flags f JOIN submissions s ON s.id = f.submissionId WHERE \(conditions.joined(separator: " AND ")) GROUP BY f.reason
            """, arguments: arguments)
        var counts: [FlagReason: Int] = [:]
        for row in rows {
            if let reason = FlagReason(rawValue: row["reason"] ?? "") { counts[reason] = row["n"] }
        }
        return counts
    }

    /// `supersededAt IS NULL` is spelled as the partial indexes spell it, so SQLite can use them.
    private static func filters(_ query: ReviewQuery, includingReason: Bool) -> ([String], StatementArguments) {
        // A unit's pre-check is its own trial: never in the council's queue.
        var conditions = ["f.supersededAt IS NULL", "s.precheck = 0"]
        var arguments = StatementArguments()
        if let units = query.units {
            // No visible unit: nothing to show (an empty IN list is valid SQL and matches nothing).
            conditions.append("f.unitCode IN (\(Array(repeating: "?", count: units.count).joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(units))
        }
        if let frameworks = query.frameworks {
            conditions.append("s.framework IN (\(Array(repeating: "?", count: frameworks.count).joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(frameworks))
        }
        if let unit = query.unit {
            conditions.append("f.unitCode = ?")
            _ = arguments.append(contentsOf: [unit])
        }
        if let indicator = query.indicator {
            conditions.append("f.indicator = ?")
            _ = arguments.append(contentsOf: [indicator])
        }
        if includingReason, let reason = query.reason {
            conditions.append("f.reason = ?")
            _ = arguments.append(contentsOf: [reason])
        }
        if let state = query.state {
            if let action = state.action {
                conditions.append("f.decision = ?")
                _ = arguments.append(contentsOf: [action])
            } else {
                conditions.append("f.decision IS NULL")
            }
        }
        return (conditions, arguments)
    }

    /// SQLite's plan for the page query (EXPLAIN QUERY PLAN details), for tests.
    package func reviewPlan(_ query: ReviewQuery) throws -> [String] {
        try writer.read { db in
            let (sql, arguments) = try Self.reviewSQL(db, query, limit: query.limit + 1)
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] ?? "" }
        }
    }
}

extension Store {
    /// The flags before and after `id` in the review queue's newest-first order, among `units`
    /// (nil: all): the flag screen's previous and next. Both lookups walk the primary key.
    package func reviewNeighbours(of id: Int64, units: [String]?, frameworks: [String]? = nil) throws -> (previous: Int64?, next: Int64?) {
        try writer.read { db in
            var scope = ""
            var arguments = StatementArguments()
            if let units {
                scope = " AND f.unitCode IN (\(databaseQuestionMarks(count: units.count)))"
                _ = arguments.append(contentsOf: StatementArguments(units))
            }
            if let frameworks {
                scope += " AND s.framework IN (\(databaseQuestionMarks(count: frameworks.count)))"
                _ = arguments.append(contentsOf: StatementArguments(frameworks))
            }
            let base = "SELECT f.id FROM flags f JOIN submissions s ON s.id = f.submissionId WHERE f.supersededAt IS NULL AND s.precheck = 0\(scope)"
            let previous = try Int64.fetchOne(db, sql: "\(base) AND f.id > ? ORDER BY f.id ASC LIMIT 1", arguments: arguments + [id])
            let next = try Int64.fetchOne(db, sql: "\(base) AND f.id < ? ORDER BY f.id DESC LIMIT 1", arguments: arguments + [id])
            return (previous, next)
        }
    }
}
