package import EvidenceModel
import Foundation

/// The season page's numbers in four aggregate queries over indexes, whatever the number of claims
/// (700 units and 70,000 claims: `make bench`). The accepted total is summed in SQL by the rule of
/// `ClaimScore` (the lowest supported score of a claim's confirmed flags, 0 when none was set);
/// ScoreTests checks both give the same totals.
extension Store {
    package func seasonOverview(_ query: SeasonQuery) throws -> SeasonOverview {
        try database.read { db in
            let latest = Self.latestSubmissions(query)
            var byUnit: [String: SeasonUnit] = [:]
            // Registered units within scope: those that have not submitted are the page's point.
            let unitFilter: StoreSQL = query.units.map { units -> StoreSQL in "WHERE code IN \(list: units)" } ?? ""
            for record in try db.fetch("SELECT * FROM units \(sql: unitFilter)", as: UnitRecord.self) {
                byUnit[record.code] = SeasonUnit(unit: record.unit)
            }
            for record in try db.fetch("\(sql: latest) SELECT s.* FROM submissions s JOIN latest l ON l.id = s.id", as: SubmissionRecord.self) {
                var row = byUnit[record.unitCode] ?? SeasonUnit(unit: record.unit)
                row.submission = record.id; row.state = record.state
                row.submittedAt = record.createdAt; row.checkedAt = record.checkedAt
                byUnit[record.unitCode] = row
            }
            let totals = try db.fetch("""
                \(sql: latest), cut AS (
                    SELECT f.submissionId, f.claimIndex, MIN(COALESCE(d.supportedScore, 0)) AS supported
                    FROM flags f JOIN latest l ON l.id = f.submissionId JOIN flag_decisions d ON d.id = f.decisionId
                    WHERE f.supersededAt IS NULL AND f.decision = 'confirm' GROUP BY f.submissionId, f.claimIndex)
                SELECT s.unitCode, SUM(c.score) AS claimed,
                       SUM(CASE WHEN cut.supported IS NOT NULL AND cut.supported < c.score THEN cut.supported ELSE c.score END) AS accepted
                FROM claims c JOIN latest l ON l.id = c.submissionId JOIN submissions s ON s.id = c.submissionId
                LEFT JOIN cut ON cut.submissionId = c.submissionId AND cut.claimIndex = c.claimIndex
                GROUP BY s.unitCode
                """)
            for row in totals {
                let code: String = try row.get("unitCode")
                byUnit[code]?.claimed = row["claimed"] ?? 0
                byUnit[code]?.accepted = row["accepted"] ?? 0
            }
            var flagsByReason: [FlagReason: Int] = [:]
            let flags = try db.fetch("""
                \(sql: latest) SELECT s.unitCode, f.reason, f.decision, COUNT(*) AS n
                FROM flags f JOIN latest l ON l.id = f.submissionId JOIN submissions s ON s.id = f.submissionId
                WHERE f.supersededAt IS NULL GROUP BY s.unitCode, f.reason, f.decision
                """)
            for row in flags {
                let code: String = try row.get("unitCode"), count: Int = try row.get("n")
                if let reason: FlagReason = row["reason"] { flagsByReason[reason, default: 0] += count }
                switch row["decision"] as DecisionAction? {
                case nil: byUnit[code]?.openFlags += count
                case .confirm: byUnit[code]?.confirmedFlags += count
                case .dismiss: byUnit[code]?.dismissedFlags += count
                case .answer: byUnit[code]?.answeredFlags += count
                }
            }
            let units = byUnit.values.sorted { $0.unit.code < $1.unit.code }
            return SeasonOverview(units: units, flagsByReason: flagsByReason, days: Self.days(units))
        }
    }

    /// Submissions and checks per day, from the units' latest submissions.
    static func days(_ units: [SeasonUnit]) -> [SeasonDay] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt
        func day(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        var submitted: [String: Int] = [:], checked: [String: Int] = [:]
        for unit in units {
            if let date = unit.submittedAt { submitted[day(date), default: 0] += 1 }
            if let date = unit.checkedAt, unit.state == .checked { checked[day(date), default: 0] += 1 }
        }
        return Set(submitted.keys).union(checked.keys).sorted().map {
            SeasonDay(day: $0, submitted: submitted[$0] ?? 0, checked: checked[$0] ?? 0)
        }
    }
}
