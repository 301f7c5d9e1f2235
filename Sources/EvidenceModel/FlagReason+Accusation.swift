/// Whether a flag says a score is not supported. needs-review only asks an appraiser to read a
/// field the checker could not: a claim whose flags are all questions is not flagged. The verdict
/// (`ClaimVerdict`), the store's counts and the checker's own tally all read this one split.
extension FlagReason {
    /// Every reason but needs-review is an accusation.
    package var accuses: Bool { self != .needsReview }

    /// The reasons that only ask (today needs-review alone): what the store counts as questions.
    package static let questions: [FlagReason] = allCases.filter { !$0.accuses }
}
