/// What a claim comes to, from its current flags: the one rule behind the result page, the API's
/// `verdict` and the store's `flaggedClaims` (issue 19). The raw values are the API's codes.
package enum ClaimVerdict: String, Codable, Hashable, Sendable, CaseIterable {
    /// The submission is not checked yet: its flags, if any, belong to an earlier revision.
    case pending
    /// Checked, and nothing raised.
    case supported
    /// At least one accusation: the score is not accepted as claimed.
    case flagged
    /// Only questions: an appraiser must read something before the score stands.
    case needsReview = "needs-review"

    /// The verdict of a claim with flags of these reasons, in a submission `checked` or not.
    package static func of(_ reasons: some Sequence<FlagReason>, checked: Bool = true) -> ClaimVerdict {
        guard checked else { return .pending }
        var asked = false
        for reason in reasons {
            if reason.accuses { return .flagged }
            asked = true
        }
        return asked ? .needsReview : .supported
    }
}
