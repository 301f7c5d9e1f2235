import EvidenceModel
import Foundation

/// The season page's numbers in a few aggregate queries over indexes (700 units and 70,000 claims:
/// `make bench`). The accepted total follows the rule of `ClaimScore` (the lowest supported score
/// of a claim's confirmed flags, 0 when none was set); SeasonOverviewTests checks both agree.
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
            // Not `s.*`: the manifest (every claim and file of the submission) is not decoded 700 times.
            let submissions = try db.fetch("""
                \(sql: latest) SELECT s.id, s.unitCode, s.unitName, s.unitLevel, s.state, s.createdAt, s.checkedAt
                FROM submissions s JOIN latest l ON l.id = s.id
                """)
            var unitOf: [String: String] = [:]
            for record in submissions {
                let code: String = try record.get("unitCode"), id: String = try record.get("id")
                let level = Submission.Level(rawValue: record["unitLevel"] ?? "") ?? .district
                let name: String = try record.get("unitName")
                var row = byUnit[code] ?? SeasonUnit(unit: Submission.Unit(code: code, name: name, level: level))
                row.submission = id; row.state = record["state"]
                row.submittedAt = record["createdAt"]; row.checkedAt = record["checkedAt"]
                byUnit[code] = row
                unitOf[id] = code
            }
            // Each unit's claimed total (claims by primary key, submission by submission), then what
            // the confirmed flags cut (few rows): a join of the two in one statement made SQLite's
            // planner re-run the window of `latest` per claim.
            let inLatest: StoreSQL = "IN (SELECT id FROM latest)"
            let claimed = try db.fetch("""
                \(sql: latest) SELECT c.submissionId, SUM(c.score) AS claimed FROM claims c
                WHERE c.submissionId \(sql: inLatest) GROUP BY c.submissionId
                """)
            for row in claimed {
                guard let code = unitOf[try row.get("submissionId")] else { continue }
                let total: Double = row["claimed"] ?? 0
                byUnit[code]?.claimed = total
                byUnit[code]?.accepted = total
            }
            let cuts = try db.fetch("""
                \(sql: latest) SELECT f.submissionId, c.score, MIN(COALESCE(d.supportedScore, 0)) AS supported
                FROM flags f JOIN flag_decisions d ON d.id = f.decisionId
                JOIN claims c ON c.submissionId = f.submissionId AND c.claimIndex = f.claimIndex
                WHERE f.submissionId \(sql: inLatest) AND f.supersededAt IS NULL AND f.decision = 'confirm'
                GROUP BY f.submissionId, f.claimIndex, c.score
                """)
            for row in cuts {
                guard let code = unitOf[try row.get("submissionId")] else { continue }
                let score: Double = try row.get("score"), supported: Double = try row.get("supported")
                byUnit[code]?.accepted -= max(0, score - min(supported, score))
            }
            var flagsByReason: [FlagReason: Int] = [:]
            let flags = try db.fetch("""
                \(sql: latest) SELECT f.submissionId, f.reason, f.decision, COUNT(*) AS n
                FROM flags f WHERE f.submissionId \(sql: inLatest) AND f.supersededAt IS NULL
                GROUP BY f.submissionId, f.reason, f.decision
                """)
            for row in flags {
                guard let code = unitOf[try row.get("submissionId")] else { continue }
                let count: Int = try row.get("n")
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

    /// Submissions and checks per day (Vietnam time, UTC+7 all year), from the units' latest
    /// submissions: days counted by arithmetic, each distinct day formatted once.
    static func days(_ units: [SeasonUnit]) -> [SeasonDay] {
        func day(_ date: Date) -> Int { Int(((date.timeIntervalSince1970 + 7 * 3600) / 86_400).rounded(.down)) }
        var submitted: [Int: Int] = [:], checked: [Int: Int] = [:]
        for unit in units {
            if let date = unit.submittedAt { submitted[day(date), default: 0] += 1 }
            if let date = unit.checkedAt, unit.state == .checked { checked[day(date), default: 0] += 1 }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .gmt
        return Set(submitted.keys).union(checked.keys).sorted().map { number in
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(number) * 86_400))
            return SeasonDay(day: String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0),
                             submitted: submitted[number] ?? 0, checked: checked[number] ?? 0)
        }
    }
}
