package import EvidenceModel
import Foundation

extension Store {
    /// Records a submission (its manifest and the content of each file it contained), in one
    /// transaction. Unchanged means the same manifest bytes and the same path → sha256 map: then
    /// nothing is written. New or changed: the latest revision's files, claims and evidence are
    /// (re)written, the revision grows, the state is `queued`, and every file's content becomes a
    /// queued document unless already known. Flags are left alone until `recordResult`.
    ///
    /// - Parameter files: relative path → sha256 of the intake's copy; a file the manifest names but
    ///   the folder lacked is simply absent.
    package func recordSubmission(_ submission: Submission, manifestSHA256: String,
                                 files: [String: String], bytes: [String: Int] = [:]) throws -> SubmissionChange {
        let manifestKey = try Self.normalizedSHA256(manifestSHA256)
        let fileKeys = try files.mapValues(Self.normalizedSHA256)
        let id = submission.submission
        return try database.write { db in
            let now = Date()
            let existing = try db.record(SubmissionRecord.self, key: id)
            // Ids are global: an upload never moves another unit's submission (its flags, its
            // decisions) to a new owner.
            if let existing, existing.unitCode != submission.unit.code {
                throw StoreError.submissionOfAnotherUnit(id: id, owner: existing.unitCode)
            }
            if let existing, !existing.precheck, submission.isPrecheck {
                throw StoreError.recordedSubmissionAsPrecheck(id: id)
            }
            if let existing, existing.manifestSHA256 == manifestKey,
               try Self.files(db, submission: id) == fileKeys {
                return .unchanged
            }
            let record = SubmissionRecord(
                id: id, unitCode: submission.unit.code, unitName: submission.unit.name,
                unitLevel: submission.unit.level, framework: submission.framework,
                periodFrom: submission.period.from, periodTo: submission.period.to,
                manifest: submission, manifestSHA256: manifestKey,
                revision: (existing?.revision ?? 0) + 1, state: .queued, failureReason: nil,
                createdAt: existing?.createdAt ?? now, updatedAt: now, checkedAt: nil,
                precheck: submission.isPrecheck)
            try db.save(record)

            try db.execute("DELETE FROM submission_files WHERE submissionId = \(id)")
            try db.execute("DELETE FROM claims WHERE submissionId = \(id)")  // cascades to evidence
            for (path, sha256) in fileKeys.sorted(by: { $0.key < $1.key }) {
                _ = try Self.enqueueDocument(db, sha256: sha256, name: path, bytes: bytes[sha256], at: now)
                try db.execute("INSERT INTO submission_files (submissionId, path, sha256) VALUES (\(id), \(path), \(sha256))")
            }
            for (index, claim) in submission.claims.enumerated() {
                try db.execute("""
                    INSERT INTO claims (submissionId, claimIndex, indicator, score)
                    VALUES (\(id), \(index), \(claim.indicator), \(claim.score))
                    """)
                for (position, evidence) in claim.evidence.enumerated() {
                    try db.execute("""
                        INSERT INTO claim_evidence (submissionId, claimIndex, position, file, number, date, signer)
                        VALUES (\(id), \(index), \(position), \(evidence.file), \(evidence.number), \(evidence.date), \(evidence.signer))
                        """)
                }
            }
            return existing == nil ? .new : .changed
        }
    }

    static func files(_ db: any StoreConnection, submission id: String) throws -> [String: String] {
        let rows = try db.fetch("SELECT path, sha256 FROM submission_files WHERE submissionId = \(id)")
        return Dictionary(try rows.map { (try $0.get("path"), try $0.get("sha256")) }, uniquingKeysWith: { first, _ in first })
    }

    /// The submission's latest revision, nil when never recorded.
    package func submission(id: String) throws -> StoredSubmission? {
        try database.read { db in
            guard let record = try db.record(SubmissionRecord.self, key: id) else { return nil }
            return StoredSubmission(
                submission: record.manifest, manifestSHA256: record.manifestSHA256,
                files: try Self.files(db, submission: id), revision: record.revision, state: record.state,
                failureReason: record.failureReason, createdAt: record.createdAt,
                updatedAt: record.updatedAt, checkedAt: record.checkedAt)
        }
    }

    /// Moves a submission to `state`; `reason` is kept for `failed` and cleared otherwise.
    /// (`recordResult` sets `checked` itself, together with the flags.)
    package func setSubmissionState(id: String, _ state: SubmissionState, reason: String? = nil) throws {
        try database.write { db in
            guard var record = try db.record(SubmissionRecord.self, key: id) else { throw StoreError.unknownSubmission(id) }
            record.state = state
            record.failureReason = state == .failed ? (reason ?? "failed without a reason") : nil
            record.updatedAt = Date()
            try db.update(record)
        }
    }
}
