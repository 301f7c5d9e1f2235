package import EvidenceModel
import Foundation
import GRDB

/// The accepted scores of a season: per unit (its latest submission), per claim, the declared and
/// the accepted score and the decision that changed it (`ClaimScore` says how it is decided).
extension Store {
    package func scores(_ query: SeasonQuery) throws -> [UnitScores] {
        try writer.read { db in try Self.scores(db, query) }
    }

    static func scores(_ db: Database, _ query: SeasonQuery) throws -> [UnitScores] {
        let (latest, arguments) = latestSubmissions(query)
        let submissions = try SubmissionRecord.fetchAll(db, sql: "\(latest) SELECT s.* FROM submissions s JOIN latest l ON l.id = s.id ORDER BY s.unitCode",
                                                        arguments: arguments)
        let claims = try ClaimRecord.fetchAll(db, sql: "\(latest) SELECT c.* FROM claims c JOIN latest l ON l.id = c.submissionId ORDER BY c.submissionId, c.claimIndex",
                                              arguments: arguments)
        let flags = try scoredFlags(db, sql: "\(latest) \(scoredFlagSelect) JOIN latest l ON l.id = f.submissionId WHERE f.supersededAt IS NULL",
                                    arguments: arguments)
        return assemble(submissions, claims: claims, flags: flags)
    }

    /// One submission's scores (nil for a pre-check or an unknown id): what a score event records.
    static func scores(_ db: Database, submission id: String) throws -> UnitScores? {
        // Upgrade tests write through an older schema (before v9): no scores to keep there.
        guard try db.tableExists("score_events") else { return nil }
        guard let submission = try SubmissionRecord.fetchOne(db, key: id), !submission.precheck else { return nil }
        let claims = try ClaimRecord.filter(ClaimRecord.Columns.submissionId == id).order(Column("claimIndex")).fetchAll(db)
        let flags = try scoredFlags(db, sql: "\(scoredFlagSelect) WHERE f.submissionId = ? AND f.supersededAt IS NULL", arguments: [id])
        return assemble([submission], claims: claims, flags: flags).first
    }

    /// `WITH latest AS (...)`: each unit's most recent submission of the season, and its arguments.
    static func latestSubmissions(_ query: SeasonQuery) -> (sql: String, arguments: StatementArguments) {
        var conditions = ["s.precheck = 0", "s.framework = ?"]
        var arguments: StatementArguments = [query.framework]
        switch query.period {
        case .year(let year):
            conditions.append("s.periodFrom >= ? AND s.periodFrom <= ?")
            _ = arguments.append(contentsOf: ["\(year)-01-01", "\(year)-12-31"])
        case .exact(let from, let to):
            conditions.append("s.periodFrom = ? AND s.periodTo = ?")
            _ = arguments.append(contentsOf: [from, to])
        case nil: break
        }
        if let units = query.units {
            conditions.append(units.isEmpty ? "0" : "s.unitCode IN (\(Array(repeating: "?", count: units.count).joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(units))
        }
        let sql = """
            WITH latest AS (SELECT id FROM (
                SELECT s.id, ROW_NUMBER() OVER (PARTITION BY s.unitCode ORDER BY s.periodFrom DESC, s.createdAt DESC, s.id DESC) AS n
                FROM submissions s WHERE \(conditions.joined(separator: " AND "))) ranked WHERE n = 1)
            """
        return (sql, arguments)
    }

    static let scoredFlagSelect = """
        SELECT f.id AS scoredFlagId, f.submissionId AS scoredSubmission, f.claimIndex AS scoredClaim, f.reason AS scoredReason, d.*
        FROM flags f LEFT JOIN flag_decisions d ON d.id = f.decisionId
        """

    /// Current flags by submission, with their current decisions.
    static func scoredFlags(_ db: Database, sql: String, arguments: StatementArguments) throws -> [String: [ScoredFlag]] {
        var out: [String: [ScoredFlag]] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let decision: FlagDecision? = (row["id"] as Int64?) == nil ? nil : try FlagDecisionRecord(row: row).decision
            let reason = FlagReason(rawValue: row["scoredReason"] ?? "") ?? .needsReview
            out[row["scoredSubmission"], default: []].append(ScoredFlag(id: row["scoredFlagId"], claimIndex: row["scoredClaim"],
                                                                      reason: reason, decision: decision))
        }
        return out
    }

    static func assemble(_ submissions: [SubmissionRecord], claims: [ClaimRecord], flags: [String: [ScoredFlag]]) -> [UnitScores] {
        let claimsBySubmission = Dictionary(grouping: claims, by: \.submissionId)
        return submissions.map { submission in
            let checked = submission.state == .checked
            let byClaim = Dictionary(grouping: flags[submission.id] ?? [], by: \.claimIndex)
            let scores = (claimsBySubmission[submission.id] ?? []).sorted { $0.claimIndex < $1.claimIndex }.map { claim in
                ClaimScore.of(claimIndex: claim.claimIndex, indicator: claim.indicator, claimed: claim.score, checked: checked,
                              flags: byClaim[claim.claimIndex] ?? [])
            }
            return UnitScores(submission: submission.id, unit: submission.unit, framework: submission.framework,
                              period: Submission.Period(from: submission.periodFrom, to: submission.periodTo),
                              state: submission.state, claims: scores)
        }
    }
}
