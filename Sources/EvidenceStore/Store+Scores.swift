import EvidenceModel
import Foundation

/// The accepted scores of a season: per unit (its latest submission), per claim, the declared and
/// the accepted score and the decision that changed it (`ClaimScore` says how it is decided).
extension Store {
    package func scores(_ query: SeasonQuery) throws -> [UnitScores] {
        try database.read { db in try Self.scores(db, query) }
    }

    static func scores(_ db: any StoreConnection, _ query: SeasonQuery) throws -> [UnitScores] {
        let latest = latestSubmissions(query)
        // `IN (SELECT id FROM latest)`, not a join: joined, SQLite's planner re-ran the window of
        // `latest` per claim (seconds at 70,000 claims).
        let submissions = try scoredSubmissions(db, "\(sql: latest) \(raw: scoredSubmissionSelect) WHERE s.id IN (SELECT id FROM latest) ORDER BY s.unitCode")
        let claims = try scoredClaims(db, "\(sql: latest) \(raw: scoredClaimSelect) WHERE c.submissionId IN (SELECT id FROM latest)")
        let flags = try scoredFlags(db, "\(sql: latest) \(raw: scoredFlagSelect) WHERE f.submissionId IN (SELECT id FROM latest) AND f.supersededAt IS NULL")
        return assemble(submissions, claims: claims, flags: flags)
    }

    /// One submission's scores (nil for a pre-check or an unknown id): what a score event records.
    static func scores(_ db: any StoreConnection, submission id: String) throws -> UnitScores? {
        // Upgrade tests write through an older schema (before v9): no scores to keep there.
        guard try db.tableExists("score_events") else { return nil }
        guard let submission = try scoredSubmissions(db, "\(raw: scoredSubmissionSelect) WHERE s.id = \(id) AND s.precheck = FALSE").first
        else { return nil }
        let claims = try scoredClaims(db, "\(raw: scoredClaimSelect) WHERE c.submissionId = \(id)")
        let flags = try scoredFlags(db, "\(raw: scoredFlagSelect) WHERE f.submissionId = \(id) AND f.supersededAt IS NULL")
        return assemble([submission], claims: claims, flags: flags).first
    }

    /// `WITH latest AS (...)`: each unit's most recent submission of the season.
    static func latestSubmissions(_ query: SeasonQuery) -> StoreSQL {
        var conditions: [StoreSQL] = ["s.precheck = FALSE", "s.framework = \(query.framework)"]
        switch query.period {
        case .year(let year): conditions.append("s.periodFrom >= \("\(year)-01-01") AND s.periodFrom <= \("\(year)-12-31")")
        case .exact(let from, let to): conditions.append("s.periodFrom = \(from) AND s.periodTo = \(to)")
        case nil: break
        }
        if let units = query.units { conditions.append("s.unitCode IN \(list: units)") }
        return """
            WITH latest AS (SELECT id FROM (
                SELECT s.id, ROW_NUMBER() OVER (PARTITION BY s.unitCode ORDER BY s.periodFrom DESC, s.createdAt DESC, s.id DESC) AS n
                FROM submissions s WHERE \(sql: conditions.joined(separator: " AND "))) ranked WHERE n = 1)
            """
    }

    /// What a unit's scores need of its submission: not `s.*`, whose manifest (every claim and
    /// file) would be decoded once per unit for nothing.
    static let scoredSubmissionSelect = """
        SELECT s.id, s.unitCode, s.unitName, s.unitLevel, s.framework, s.periodFrom, s.periodTo, s.state FROM submissions s
        """

    static func scoredSubmissions(_ db: any StoreConnection, _ sql: StoreSQL) throws -> [UnitScores] {
        try db.fetch(sql).map { row in
            UnitScores(submission: try row.get("id"),
                       unit: Submission.Unit(code: try row.get("unitCode"), name: try row.get("unitName"), level: try row.get("unitLevel")),
                       framework: try row.get("framework"),
                       period: Submission.Period(from: try row.get("periodFrom"), to: try row.get("periodTo")),
                       state: try row.get("state"), claims: [])
        }
    }

    static let scoredClaimSelect = "SELECT c.submissionId, c.claimIndex, c.indicator, c.score FROM claims c"

    static func scoredClaims(_ db: any StoreConnection, _ sql: StoreSQL) throws -> [ScoredClaim] {
        try db.fetch(sql).map { row in
            ScoredClaim(submissionId: try row.get("submissionId"), claimIndex: try row.get("claimIndex"),
                        indicator: try row.get("indicator"), score: try row.get("score"))
        }
    }

    static let scoredFlagSelect = """
        SELECT f.id AS scoredFlagId, f.submissionId AS scoredSubmission, f.claimIndex AS scoredClaim, f.reason AS scoredReason, d.*
        FROM flags f LEFT JOIN flag_decisions d ON d.id = f.decisionId
        """

    /// Current flags by submission, with their current decisions.
    static func scoredFlags(_ db: any StoreConnection, _ sql: StoreSQL) throws -> [String: [ScoredFlag]] {
        var out: [String: [ScoredFlag]] = [:]
        for row in try db.fetch(sql) {
            let decision: FlagDecision? = (row["id"] as Int64?) == nil ? nil : try FlagDecisionRecord(row: row).decision
            let reason: FlagReason = row["scoredReason"] ?? .needsReview
            out[try row.get("scoredSubmission"), default: []].append(
                ScoredFlag(id: try row.get("scoredFlagId"), claimIndex: try row.get("scoredClaim"), reason: reason, decision: decision))
        }
        return out
    }

    /// Fills each submission's claims with their accepted scores.
    static func assemble(_ submissions: [UnitScores], claims: [ScoredClaim], flags: [String: [ScoredFlag]]) -> [UnitScores] {
        let claimsBySubmission = Dictionary(grouping: claims, by: \.submissionId)
        return submissions.map { submission in
            let checked = submission.state == .checked
            let byClaim = Dictionary(grouping: flags[submission.submission] ?? [], by: \.claimIndex)
            var scored = submission
            scored.claims = (claimsBySubmission[submission.submission] ?? []).sorted { $0.claimIndex < $1.claimIndex }.map { claim in
                ClaimScore.of(claimIndex: claim.claimIndex, indicator: claim.indicator, claimed: claim.score, checked: checked,
                              flags: byClaim[claim.claimIndex] ?? [])
            }
            return scored
        }
    }
}
