import EvidenceModel
import GRDB

extension Store {
    /// Evidence that every other recorded submission gives for its claims (latest revisions), with
    /// the content and, once parsed, the number and issuer of each file: what `duplicate-evidence`
    /// compares a submission against. Ordered by submission, claim, position.
    public func knownEvidence(excluding submission: String) throws -> [KnownEvidence] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.submissionId, s.unitCode, e.claimIndex, c.indicator, e.file,
                       f.sha256, d.number, d.issuer
                FROM claim_evidence e
                JOIN submissions s ON s.id = e.submissionId
                JOIN claims c ON c.submissionId = e.submissionId AND c.claimIndex = e.claimIndex
                LEFT JOIN submission_files f ON f.submissionId = e.submissionId AND f.path = e.file
                LEFT JOIN documents d ON d.sha256 = f.sha256
                WHERE e.submissionId <> ?
                ORDER BY e.submissionId, e.claimIndex, e.position
                """, arguments: [submission])
            return rows.map { row in
                KnownEvidence(submission: row["submissionId"], unitCode: row["unitCode"],
                              claimIndex: row["claimIndex"], indicator: row["indicator"], file: row["file"],
                              sha256: row["sha256"], number: row["number"], issuer: row["issuer"])
            }
        }
    }
}
