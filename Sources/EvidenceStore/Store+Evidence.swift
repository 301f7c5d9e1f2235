package import EvidenceModel

extension Store {
    /// The evidence of other recorded submissions (latest revisions) that could collide with the
    /// given items: the same content, or a document with the same number key. Both lookups go
    /// through indexes (`submission_files.sha256`, `documents.numberKey`), so the cost follows the
    /// matches, not the store's size. Ordered by submission, claim, position.
    ///
    /// - Parameters:
    ///   - sha256s: contents to look for.
    ///   - numberKeys: `DocumentNumber.key`s to look for (only trusted numbers are keyed).
    ///   - excluding: submissions whose own view wins (the batch being checked).
    /// Pre-checks are never returned: a unit trying its evidence out accuses nobody.
    package func evidence(sharing sha256s: Set<String>, numberKeys: Set<String>,
                         excluding: Set<String> = []) throws -> [KnownEvidence] {
        guard !sha256s.isEmpty || !numberKeys.isEmpty else { return [] }
        return try database.read { db in
            // Documents matching either way, then every evidence item that names one of them (an
            // archive given as evidence names the files stored under it, 'ITEM/PATH').
            let matches: StoreSQL = """
                SELECT sha256 FROM documents WHERE sha256 IN \(list: sha256s.sorted())
                UNION SELECT sha256 FROM documents WHERE numberKey IN \(list: numberKeys.sorted())
                """
            let rows = try db.fetch("""
                SELECT e.submissionId, s.unitCode, e.claimIndex, c.indicator, f.path AS file,
                       f.sha256, d.number, d.issuer, d.numberKey
                FROM submission_files f
                JOIN documents d ON d.sha256 = f.sha256
                JOIN claim_evidence e ON e.submissionId = f.submissionId
                    AND (e.file = f.path OR substr(f.path, 1, length(e.file) + 1) = e.file || '/')
                JOIN submissions s ON s.id = e.submissionId
                JOIN claims c ON c.submissionId = e.submissionId AND c.claimIndex = e.claimIndex
                WHERE f.sha256 IN (\(sql: matches)) AND s.precheck = FALSE
                ORDER BY e.submissionId, e.claimIndex, e.position
                """)
            return try rows.compactMap { row in
                let submission: String = try row.get("submissionId")
                guard !excluding.contains(submission) else { return nil }
                // Number and issuer only when they identify the document (both trusted).
                let keyed = (row["numberKey"] as String?) != nil
                return KnownEvidence(submission: submission, unitCode: try row.get("unitCode"),
                                     claimIndex: try row.get("claimIndex"), indicator: try row.get("indicator"),
                                     file: try row.get("file"), sha256: try row.get("sha256"),
                                     number: keyed ? row["number"] : nil, issuer: keyed ? row["issuer"] : nil)
            }
        }
    }
}
