package import EvidenceModel
import Foundation

extension Store {
    /// Records a check's result and queues its flags, in one transaction, and marks the submission
    /// `checked`. Returns the ids of the flags newly queued, in queue order.
    ///
    /// Against the submission's current (not superseded) flags:
    /// - a flag of an earlier revision (the submission changed since) is superseded;
    /// - a flag of this revision that the result finds again is kept: re-recording an unchanged
    ///   submission's result queues nothing, so the call is idempotent;
    /// - a flag of this revision the result no longer finds is superseded (another unit's evidence
    ///   was withdrawn, a document became readable after a retry);
    /// - a finding not already current is queued with a new id.
    /// Superseded flags are marked, never deleted.
    ///
    /// - Parameter revision: the revision that was checked (`submission(id:)?.revision` read before
    ///   checking). When given and the submission changed meanwhile, the stale result is refused
    ///   with `StoreError.staleResult`, and the new revision stays queued.
    @discardableResult
    package func recordResult(_ result: SubmissionResult, revision: Int? = nil) throws -> [Int64] {
        try database.write { db in try Self.recordResult(db, result, revision: revision, at: Date()) }
    }

    /// Records a batch's results (`check --submit` of several folders) in one transaction: all or
    /// none. Returns the newly queued ids of each submission, in queue order.
    @discardableResult
    package func recordResults(_ results: [SubmissionResult]) throws -> [String: [Int64]] {
        try database.write { db in
            let now = Date()
            var queued: [String: [Int64]] = [:]
            for result in results { queued[result.submission, default: []] += try Self.recordResult(db, result, revision: nil, at: now) }
            return queued
        }
    }

    static func recordResult(_ db: any StoreConnection, _ result: SubmissionResult, revision: Int?, at now: Date) throws -> [Int64] {
        guard var submission = try db.record(SubmissionRecord.self, key: result.submission) else {
            throw StoreError.unknownSubmission(result.submission)
        }
        if let revision, revision != submission.revision {
            throw StoreError.staleResult(submission: submission.id, checked: revision, current: submission.revision)
        }
        let before = try scores(db, submission: submission.id)
        let claimCount = try db.count("SELECT COUNT(*) FROM claims WHERE submissionId = \(submission.id)")
        if let bad = result.claims.first(where: { $0.index < 0 || $0.index >= claimCount }) {
            throw StoreError.claimOutOfRange(submission: submission.id, index: bad.index)
        }

        let current = try db.fetch("""
            SELECT * FROM flags WHERE submissionId = \(submission.id) AND supersededAt IS NULL ORDER BY id
            """, as: FlagRecord.self)
        var wanted: [FlagKey: Int] = [:]
        for claim in result.claims {
            for flag in claim.flags {
                wanted[FlagKey(claimIndex: claim.index, indicator: claim.indicator, flag: flag), default: 0] += 1
            }
        }
        var kept: [FlagKey: Int] = [:]
        var stale: [Int64] = []
        for flag in current {
            guard let id = flag.id else { continue }
            let key = flag.key
            if flag.revision == submission.revision, kept[key, default: 0] < wanted[key, default: 0] {
                kept[key, default: 0] += 1
            } else {
                stale.append(id)
            }
        }
        if !stale.isEmpty {
            try db.execute("UPDATE flags SET supersededAt = \(now) WHERE id IN \(list: stale)")
        }

        var queued: [Int64] = []
        for claim in result.claims {
            for flag in claim.flags {
                let key = FlagKey(claimIndex: claim.index, indicator: claim.indicator, flag: flag)
                if let count = kept[key], count > 0 {
                    kept[key] = count - 1
                    continue
                }
                let record = FlagRecord(submissionId: submission.id, revision: submission.revision,
                                        claim: claim, flag: flag, createdAt: now)
                queued.append(try db.insertReturningID(record))
            }
        }

        submission.state = .checked
        submission.failureReason = nil
        submission.checkedAt = now
        submission.updatedAt = now
        try db.update(submission)
        try noteScore(db, submission: submission.id, before: before, decisionId: nil, at: now)
        return queued
    }
}
