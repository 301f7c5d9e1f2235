package import EvidenceModel
import Foundation
import GRDB

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
        return try writer.write { db in
            let now = Date()
            let existing = try SubmissionRecord.fetchOne(db, key: id)
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
            try record.save(db)

            try SubmissionFileRecord.filter(SubmissionFileRecord.Columns.submissionId == id).deleteAll(db)
            try ClaimRecord.filter(ClaimRecord.Columns.submissionId == id).deleteAll(db)  // cascades to evidence
            for (path, sha256) in fileKeys.sorted(by: { $0.key < $1.key }) {
                _ = try Self.enqueueDocument(db, sha256: sha256, name: path, bytes: bytes[sha256], at: now)
                try SubmissionFileRecord(submissionId: id, path: path, sha256: sha256).insert(db)
            }
            for (index, claim) in submission.claims.enumerated() {
                try ClaimRecord(submissionId: id, claimIndex: index, indicator: claim.indicator,
                                score: claim.score).insert(db)
                for (position, evidence) in claim.evidence.enumerated() {
                    try ClaimEvidenceRecord(submissionId: id, claimIndex: index, position: position,
                                            file: evidence.file, number: evidence.number,
                                            date: evidence.date, signer: evidence.signer).insert(db)
                }
            }
            return existing == nil ? .new : .changed
        }
    }

    static func files(_ db: Database, submission id: String) throws -> [String: String] {
        let rows = try SubmissionFileRecord.filter(SubmissionFileRecord.Columns.submissionId == id).fetchAll(db)
        return Dictionary(rows.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
    }

    /// The submission's latest revision, nil when never recorded.
    package func submission(id: String) throws -> StoredSubmission? {
        try writer.read { db in
            guard let record = try SubmissionRecord.fetchOne(db, key: id) else { return nil }
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
        try writer.write { db in
            guard var record = try SubmissionRecord.fetchOne(db, key: id) else { throw StoreError.unknownSubmission(id) }
            record.state = state
            record.failureReason = state == .failed ? (reason ?? "failed without a reason") : nil
            record.updatedAt = Date()
            try record.update(db)
        }
    }
}
