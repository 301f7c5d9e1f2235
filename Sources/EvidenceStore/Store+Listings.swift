import EvidenceModel
import Foundation

/// What the web service lists: submissions by unit, their progress, and who holds a document.
extension Store {
    /// Submissions of the given units (nil: all), most recently changed first.
    package func submissionSummaries(unitCodes: Set<String>?, includePrechecks: Bool = false,
                                     limit: Int = 200) throws -> [SubmissionSummary] {
        try database.read { db in
            var conditions: [StoreSQL] = []
            if let unitCodes {
                guard !unitCodes.isEmpty else { return [] }
                conditions.append("s.unitCode IN \(list: unitCodes.sorted())")
            }
            if !includePrechecks { conditions.append("s.precheck = FALSE") }
            let filter: StoreSQL = conditions.isEmpty ? "" : "WHERE \(sql: conditions.joined(separator: " AND "))"
            return try db.fetch("""
                \(sql: Self.summarySelect) \(sql: filter) ORDER BY s.updatedAt DESC, s.id LIMIT \(limit)
                """).map(Self.summary)
        }
    }

    package func submissionSummary(id: String) throws -> SubmissionSummary? {
        try database.read { db in
            try db.fetchOne("\(sql: Self.summarySelect) WHERE s.id = \(id)").map(Self.summary)
        }
    }

    package func progress(ofSubmission id: String) throws -> SubmissionProgress {
        try database.read { db in
            // A failure is an answer too: parsed and failed files are done.
            let done: [DocumentState] = [.parsed, .failed]
            let row = try db.fetchOne("""
                SELECT COUNT(*) AS files,
                       COALESCE(SUM(CASE WHEN d.state IN \(list: done) THEN 1 ELSE 0 END), 0) AS done,
                       COALESCE(SUM(CASE WHEN d.state = \(DocumentState.parsed) THEN COALESCE(d.pages, 0) ELSE 0 END), 0) AS pages
                FROM submission_files f JOIN documents d ON d.sha256 = f.sha256
                WHERE f.submissionId = \(id)
                """)
            return SubmissionProgress(files: row?["files"] ?? 0, filesDone: row?["done"] ?? 0, pagesRead: row?["pages"] ?? 0)
        }
    }

    /// The submissions (unit code and framework) that hold a content: who may see the document.
    package func holders(ofDocument sha256: String) throws -> [(submission: String, unitCode: String, framework: String, precheck: Bool)] {
        let key = try Self.normalizedSHA256(sha256)
        return try database.read { db in
            try db.fetch("""
                SELECT DISTINCT s.id, s.unitCode, s.framework, s.precheck FROM submission_files f
                JOIN submissions s ON s.id = f.submissionId WHERE f.sha256 = \(key)
                """).map { (try $0.get("id"), try $0.get("unitCode"), try $0.get("framework"), try $0.get("precheck")) }
        }
    }

    /// Submissions by state, and the documents and pages read: what `/metrics` reports.
    package func counts() throws -> StoreCounts {
        try database.read { db in
            var states: [String: Int] = [:]
            for row in try db.fetch("SELECT state, COUNT(*) AS n FROM submissions GROUP BY state") {
                states[try row.get("state")] = row["n"]
            }
            var reasons: [String: Int] = [:]
            for row in try db.fetch("""
                SELECT f.reason, COUNT(*) AS n FROM flags f JOIN submissions s ON s.id = f.submissionId
                WHERE f.supersededAt IS NULL AND s.precheck = FALSE GROUP BY f.reason
                """) { reasons[try row.get("reason")] = row["n"] }
            let documents = try db.fetchOne("""
                SELECT COUNT(*) AS n, COALESCE(SUM(pages), 0) AS pages FROM documents WHERE state = \(DocumentState.parsed)
                """)
            return StoreCounts(submissionsByState: states, flagsByReason: reasons,
                               documentsRead: documents?["n"] ?? 0, pagesRead: documents?["pages"] ?? 0)
        }
    }

    /// flaggedClaims counts the claims `ClaimVerdict` calls flagged (a current flag that accuses),
    /// flagCount those flags, reviewCount the current questions: the split is `FlagReason.accuses`,
    /// bound here rather than spelled, so the counts cannot drift from the pages and the API.
    private static var summarySelect: StoreSQL {
        let questions = FlagReason.questions.sorted { $0.rawValue < $1.rawValue }
        return """
            SELECT s.id, s.unitCode, s.unitName, s.unitLevel, s.framework, s.periodFrom, s.periodTo, s.state,
                   s.revision, s.precheck, s.failureReason, s.updatedAt, s.checkedAt,
                   (SELECT COUNT(*) FROM claims c WHERE c.submissionId = s.id) AS claimCount,
                   (SELECT COUNT(DISTINCT f.claimIndex) FROM flags f WHERE f.submissionId = s.id
                      AND f.supersededAt IS NULL AND f.reason NOT IN \(list: questions)) AS flaggedClaims,
                   (SELECT COUNT(*) FROM flags f WHERE f.submissionId = s.id AND f.supersededAt IS NULL
                      AND f.reason NOT IN \(list: questions)) AS flagCount,
                   (SELECT COUNT(*) FROM flags f WHERE f.submissionId = s.id AND f.supersededAt IS NULL
                      AND f.reason IN \(list: questions)) AS reviewCount
            FROM submissions s
            """
    }

    private static func summary(_ row: StoreRow) throws -> SubmissionSummary {
        let level: Submission.Level = row["unitLevel"] ?? .district
        return SubmissionSummary(
            id: try row.get("id"), unit: Submission.Unit(code: try row.get("unitCode"), name: try row.get("unitName"), level: level),
            framework: try row.get("framework"), period: Submission.Period(from: try row.get("periodFrom"), to: try row.get("periodTo")),
            state: row["state"] ?? .queued, revision: try row.get("revision"),
            precheck: try row.get("precheck"), claims: try row.get("claimCount"), flaggedClaims: try row.get("flaggedClaims"),
            flags: try row.get("flagCount"), needsReview: try row.get("reviewCount"), failureReason: row["failureReason"],
            updatedAt: try row.get("updatedAt"), checkedAt: row["checkedAt"])
    }
}

/// The store's totals, for monitoring.
package struct StoreCounts: Hashable, Sendable {
    package var submissionsByState: [String: Int]
    package var flagsByReason: [String: Int]
    package var documentsRead: Int
    package var pagesRead: Int
}
