import EvidenceModel
import Foundation
import GRDB

/// What the web service lists: submissions by unit, their progress, and who holds a document.
extension Store {
    /// Submissions of the given units (nil: all), most recently changed first.
    package func submissionSummaries(unitCodes: Set<String>?, includePrechecks: Bool = false,
                                     limit: Int = 200) throws -> [SubmissionSummary] {
        try writer.read { db in
            var conditions: [SQL] = []
            if let unitCodes {
                guard !unitCodes.isEmpty else { return [] }
                conditions.append("s.unitCode IN \(unitCodes.sorted())")
            }
            if !includePrechecks { conditions.append("s.precheck = 0") }
            let filter: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
            let request: SQLRequest<Row> = """
                \(Self.summarySelect) \(filter) ORDER BY s.updatedAt DESC, s.id LIMIT \(limit)
                """
            // A cursor's rows find columns by name through an index (see `fetchQueued`).
            return try Array(request.fetchCursor(db).map(Self.summary))
        }
    }

    package func submissionSummary(id: String) throws -> SubmissionSummary? {
        try writer.read { db in
            let request: SQLRequest<Row> = "\(Self.summarySelect) WHERE s.id = \(id)"
            // Mapped inside the cursor: its row is read before the cursor (and its statement) goes.
            return try request.fetchCursor(db).map(Self.summary).next()
        }
    }

    package func progress(ofSubmission id: String) throws -> SubmissionProgress {
        try writer.read { db in
            // A failure is an answer too: parsed and failed files are done.
            let done: [DocumentState] = [.parsed, .failed]
            let request: SQLRequest<Row> = """
                SELECT COUNT(*) AS files,
                       COALESCE(SUM(d.state IN \(done)), 0) AS done,
                       COALESCE(SUM(CASE WHEN d.state = \(DocumentState.parsed) THEN COALESCE(d.pages, 0) ELSE 0 END), 0) AS pages
                FROM submission_files f JOIN documents d ON d.sha256 = f.sha256
                WHERE f.submissionId = \(id)
                """
            let row = try request.fetchOne(db)
            return SubmissionProgress(files: row?["files"] ?? 0, filesDone: row?["done"] ?? 0, pagesRead: row?["pages"] ?? 0)
        }
    }

    /// The submissions (unit code and framework) that hold a content: who may see the document.
    package func holders(ofDocument sha256: String) throws -> [(submission: String, unitCode: String, framework: String, precheck: Bool)] {
        let key = try Self.normalizedSHA256(sha256)
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT s.id, s.unitCode, s.framework, s.precheck FROM submission_files f
                JOIN submissions s ON s.id = f.submissionId WHERE f.sha256 = ?
                """, arguments: [key]).map { ($0["id"], $0["unitCode"], $0["framework"], $0["precheck"]) }
        }
    }

    /// Submissions by state, and the documents and pages read: what `/metrics` reports.
    package func counts() throws -> StoreCounts {
        try writer.read { db in
            var states: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM submissions GROUP BY state") {
                states[row["state"]] = row["n"]
            }
            var reasons: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT f.reason, COUNT(*) AS n FROM flags f JOIN submissions s ON s.id = f.submissionId
                WHERE f.supersededAt IS NULL AND s.precheck = 0 GROUP BY f.reason
                """) { reasons[row["reason"]] = row["n"] }
            let read: SQLRequest<Row> = """
                SELECT COUNT(*) AS n, COALESCE(SUM(pages), 0) AS pages FROM documents WHERE state = \(DocumentState.parsed)
                """
            let documents = try read.fetchOne(db)
            return StoreCounts(submissionsByState: states, flagsByReason: reasons,
                               documentsRead: documents?["n"] ?? 0, pagesRead: documents?["pages"] ?? 0)
        }
    }

    /// flaggedClaims counts the claims `ClaimVerdict` calls flagged (a current flag that accuses),
    /// flagCount those flags, reviewCount the current questions: the split is `FlagReason.accuses`,
    /// bound here rather than spelled, so the counts cannot drift from the pages and the API.
    private static var summarySelect: SQL {
        let questions = FlagReason.questions
        return """
            SELECT s.id, s.unitCode, s.unitName, s.unitLevel, s.framework, s.periodFrom, s.periodTo, s.state,
                   s.revision, s.precheck, s.failureReason, s.updatedAt, s.checkedAt,
                   (SELECT COUNT(*) FROM claims c WHERE c.submissionId = s.id) AS claimCount,
                   (SELECT COUNT(DISTINCT f.claimIndex) FROM flags f WHERE f.submissionId = s.id
                      AND f.supersededAt IS NULL AND f.reason NOT IN \(questions)) AS flaggedClaims,
                   (SELECT COUNT(*) FROM flags f WHERE f.submissionId = s.id AND f.supersededAt IS NULL
                      AND f.reason NOT IN \(questions)) AS flagCount,
                   (SELECT COUNT(*) FROM flags f WHERE f.submissionId = s.id AND f.supersededAt IS NULL
                      AND f.reason IN \(questions)) AS reviewCount
            FROM submissions s
            """
    }

    private static func summary(_ row: Row) -> SubmissionSummary {
        let level = Submission.Level(rawValue: row["unitLevel"] ?? "") ?? .district
        return SubmissionSummary(
            id: row["id"], unit: Submission.Unit(code: row["unitCode"], name: row["unitName"], level: level),
            framework: row["framework"], period: Submission.Period(from: row["periodFrom"], to: row["periodTo"]),
            state: SubmissionState(rawValue: row["state"] ?? "") ?? .queued, revision: row["revision"],
            precheck: row["precheck"], claims: row["claimCount"], flaggedClaims: row["flaggedClaims"],
            flags: row["flagCount"], needsReview: row["reviewCount"], failureReason: row["failureReason"],
            updatedAt: row["updatedAt"], checkedAt: row["checkedAt"])
    }
}

/// The store's totals, for monitoring.
package struct StoreCounts: Hashable, Sendable {
    package var submissionsByState: [String: Int]
    package var flagsByReason: [String: Int]
    package var documentsRead: Int
    package var pagesRead: Int
}
