package import EvidenceLoading
package import EvidenceModel
package import EvidenceStore
package import EvidenceVerification

/// Checks a batch of submissions against their evidence, against each other, and against what other
/// units already gave (from the store): one pure step once the facts are known.
package enum BatchVerification {
    package struct Item: Sendable {
        package var loaded: LoadedSubmission
        package var facts: [String: EvidenceFacts]
        package init(loaded: LoadedSubmission, facts: [String: EvidenceFacts]) { self.loaded = loaded; self.facts = facts }

        /// Its evidence as other submissions see it.
        var known: [KnownEvidence] { DuplicateEvidence.knownEvidence(of: loaded.submission, evidence: facts) }
    }

    /// Where the evidence of submissions outside the batch comes from: the store, or nothing for a
    /// check without one. Errors propagate: a result computed without the store's evidence would
    /// silently miss `duplicate-evidence` flags, so the submission stays to be checked again.
    package typealias StoredEvidence = (_ sha256s: Set<String>, _ numberKeys: Set<String>, _ excluding: Set<String>) throws -> [KnownEvidence]

    package static func storedEvidence(in store: Store?) -> StoredEvidence {
        guard let store else { return { _, _, _ in [] } }
        return { try store.evidence(sharing: $0, numberKeys: $1, excluding: $2) }
    }

    package static func results(for items: [Item], stored: StoredEvidence) throws -> [SubmissionResult] {
        let batchIDs = Set(items.map(\.loaded.submission.submission))
        let batchKnown = items.flatMap(\.known)
        // Only what could collide with the batch is read: the cost follows the matches, not the store.
        let fromStore = try stored(Set(batchKnown.compactMap(\.sha256)), Set(batchKnown.compactMap(\.numberKey)), batchIDs)
        return items.map { item in
            let id = item.loaded.submission.submission
            let others = batchKnown.filter { $0.submission != id } + fromStore
            return ClaimChecker(framework: item.loaded.framework).check(item.loaded.submission, evidence: item.facts, others: others)
        }
    }

    /// Stored submissions of other units that share evidence with this batch are queued again, so
    /// that they get their own `duplicate-evidence` flag when checked.
    package static func requeueOtherSides(of items: [Item], in store: Store) throws {
        let ids = Set(items.map(\.loaded.submission.submission))
        let batch = items.flatMap(\.known)
        guard !batch.isEmpty else { return }
        let conflicting = try store.evidence(sharing: Set(batch.compactMap(\.sha256)), numberKeys: Set(batch.compactMap(\.numberKey)),
                                             excluding: ids)
            .filter { DuplicateEvidence.firstConflict(of: $0, among: batch) != nil }
        // Only where that side does not carry the flag yet: otherwise two units would requeue each other forever.
        var others: Set<String> = []
        for evidence in conflicting where !others.contains(evidence.submission) {
            let flags = try store.list(submission: evidence.submission)
            if !flags.contains(where: { $0.flag.reason == .duplicateEvidence && $0.claimIndex == evidence.claimIndex && $0.flag.file == evidence.file }) {
                others.insert(evidence.submission)
            }
        }
        for id in others.sorted() where try store.submission(id: id)?.state == .checked {
            try store.setSubmissionState(id: id, .queued)
        }
    }
}
