import EvidenceModel
import EvidenceStore
import EvidenceVerification

/// Checks a batch of submissions against their evidence, against each other, and against what other
/// units already gave (from the store): one pure step once the facts are known.
public enum BatchVerification {
    public struct Item: Sendable {
        public var loaded: LoadedSubmission
        public var facts: [String: EvidenceFacts]
        public init(loaded: LoadedSubmission, facts: [String: EvidenceFacts]) { self.loaded = loaded; self.facts = facts }
    }

    /// - Parameter stored: the store's evidence of submissions other than the given one.
    public static func results(for items: [Item], stored: (String) -> [EvidenceStore.KnownEvidence]) -> [SubmissionResult] {
        let batchIDs = Set(items.map(\.loaded.submission.submission))
        let batchKnown = items.flatMap { DuplicateEvidence.knownEvidence(of: $0.loaded.submission, evidence: $0.facts) }
        return items.map { item in
            let id = item.loaded.submission.submission
            // The batch's own view of its submissions wins over what the store recorded earlier.
            let fromStore = stored(id).filter { !batchIDs.contains($0.submission) }.map(verificationEvidence)
            let others = batchKnown.filter { $0.submission != id } + fromStore
            return ClaimChecker(framework: item.loaded.framework).check(item.loaded.submission, evidence: item.facts, others: others)
        }
    }

    /// The store's record of another unit's evidence, as the checker compares it.
    static func verificationEvidence(_ known: EvidenceStore.KnownEvidence) -> EvidenceVerification.KnownEvidence {
        // A file the other unit never delivered has no content to collide with.
        EvidenceVerification.KnownEvidence(submission: known.submission, unitCode: known.unitCode, claimIndex: known.claimIndex,
                                           file: known.file, sha256: known.sha256 ?? "missing:\(known.submission)/\(known.file)",
                                           number: known.number, issuer: known.issuer)
    }

    /// Stored submissions of other units that share evidence with this batch are queued again, so
    /// that they get their own `duplicate-evidence` flag when checked.
    public static func requeueOtherSides(of items: [Item], in store: Store) {
        let ids = Set(items.map(\.loaded.submission.submission))
        let batch = items.flatMap { DuplicateEvidence.knownEvidence(of: $0.loaded.submission, evidence: $0.facts) }
        guard !batch.isEmpty, let stored = try? store.knownEvidence(excluding: "") else { return }
        let conflicting = stored.filter { !ids.contains($0.submission) }
            .filter { DuplicateEvidence.firstConflict(of: verificationEvidence($0), among: batch) != nil }
        // Only where that side does not carry the flag yet: otherwise two units would requeue each other forever.
        let others = Set(conflicting.filter { evidence in
            let flags = (try? store.list(submission: evidence.submission)) ?? []
            return !flags.contains { $0.flag.reason == .duplicateEvidence && $0.claimIndex == evidence.claimIndex && $0.flag.file == evidence.file }
        }.map(\.submission))
        for id in others where (try? store.submission(id: id))??.state == .checked {
            try? store.setSubmissionState(id: id, .queued)
        }
    }
}
