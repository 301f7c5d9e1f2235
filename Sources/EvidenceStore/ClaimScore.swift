package import EvidenceModel

/// Where a claim's score stands after the appraisers' decisions.
package enum ScoreStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// The declared score stands: no flag, or every flag dismissed or answered.
    case accepted
    /// A confirmed flag cut it.
    case cut
    /// Not final: the submission is not checked yet, or a flag of the claim awaits a decision (the
    /// accepted score shown is what the decisions so far give).
    case pending
}

/// One claim's declared and accepted score, and the decision that changed it.
///
/// The accepted score of a claim is the declared score, unless a current flag of it is confirmed:
/// then the score the appraiser set as supported (`supportedScore`), or 0 when the flag was
/// confirmed without one, since confirming says the claimed score is not supported and the
/// appraiser who sees partial support says how much. With several confirmed flags the lowest holds,
/// and that flag's decision is the one named. Dismissed and answered flags change nothing.
package struct ClaimScore: Hashable, Sendable {
    package var claimIndex: Int
    package var indicator: String
    package var claimed: Double
    package var accepted: Double
    package var status: ScoreStatus
    /// Current flags of the claim without a decision.
    package var openFlags: Int
    /// The confirmed flag whose decision set the accepted score, with its reason (nil: not cut).
    package var flagId: Int64?
    package var reason: FlagReason?
    package var decision: FlagDecision?

    /// The claim's score from its current flags and their decisions.
    static func of(claimIndex: Int, indicator: String, claimed: Double, checked: Bool, flags: [ScoredFlag]) -> ClaimScore {
        var score = ClaimScore(claimIndex: claimIndex, indicator: indicator, claimed: claimed, accepted: claimed, status: .accepted,
                               openFlags: flags.filter { $0.decision == nil }.count)
        for flag in flags {
            guard let decision = flag.decision, decision.action == .confirm else { continue }
            let supported = min(decision.supportedScore ?? 0, claimed)
            if score.decision == nil || supported < score.accepted || (supported == score.accepted && decision.id > score.decision!.id) {
                score.accepted = supported; score.flagId = flag.id; score.reason = flag.reason; score.decision = decision
            }
        }
        if score.accepted >= claimed { score.flagId = nil; score.reason = nil; score.decision = nil }
        score.status = !checked || score.openFlags > 0 ? .pending : score.accepted < claimed ? .cut : .accepted
        return score
    }
}

/// A current flag as the scores read it.
struct ScoredFlag {
    var id: Int64
    var claimIndex: Int
    var reason: FlagReason
    var decision: FlagDecision?
}

/// A claim as the scores read it.
struct ScoredClaim {
    var submissionId: String
    var claimIndex: Int
    var indicator: String
    var score: Double
}

/// A unit's season: its latest submission of the framework and period, claim by claim.
package struct UnitScores: Hashable, Sendable {
    package var submission: String
    package var unit: Submission.Unit
    package var framework: String
    package var period: Submission.Period
    package var state: SubmissionState
    package var claims: [ClaimScore]

    package var claimed: Double { claims.reduce(0) { $0 + $1.claimed } }
    package var accepted: Double { claims.reduce(0) { $0 + $1.accepted } }
}
