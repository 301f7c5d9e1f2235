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
}
