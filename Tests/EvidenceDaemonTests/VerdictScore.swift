import EvidenceModel

/// Flags of a checked corpus against what was planted: per claim, the reasons expected
/// (planted), the reasons tolerated (a model's choice, neither right nor wrong) and the rest.
struct VerdictScore {
    var planted = 0, found = 0
    var accusations = 0, trueAccusations = 0
    var cleanClaims = 0, cleanWithReview = 0
    var misses: [String] = []
    var reviewsWithoutPlace: [String] = []
    var doubleCauses: [String] = []

    /// Pairs of reasons one fact explains: never together on one claim.
    static let oneCause: [(FlagReason, FlagReason)] = [
        (.duplicateEvidence, .wrongIssuer), (.wrongType, .wrongIssuer), (.draft, .unsigned), (.unsigned, .signerMismatch),
    ]

    mutating func add(_ claim: ClaimResult, submission: String, want: Set<FlagReason>, tolerated: Set<FlagReason>) {
        let name = "\(submission) claim \(claim.index) (\(claim.indicator))"
        let got = Set(claim.flags.map(\.reason))
        planted += want.count
        found += want.intersection(got).count
        // Precision counts accusations, and needs-review where one was planted (an expected question).
        let judged = got.subtracting(tolerated).filter { $0 != .needsReview || want.contains(.needsReview) }
        accusations += judged.count
        trueAccusations += judged.intersection(want).count
        if !want.isSubset(of: got) { misses.append("\(name): missed \(want.subtracting(got).map(\.rawValue).sorted())") }
        let wrong = judged.subtracting(want)
        if !wrong.isEmpty { misses.append("\(name): false \(wrong.map(\.rawValue).sorted())") }
        if want.subtracting([.needsReview]).isEmpty && !want.contains(.needsReview) {
            cleanClaims += 1
            if got.contains(.needsReview) {
                cleanWithReview += 1
                misses.append("\(name): needs-review on a clean claim")
            }
        }
        for flag in claim.flags where flag.reason == .needsReview {
            if flag.field == nil || flag.page == nil || flag.box == nil { reviewsWithoutPlace.append("\(name): \(flag.message)") }
        }
        for (root, consequence) in Self.oneCause where got.contains(root) && got.contains(consequence) {
            doubleCauses.append("\(name): \(root.rawValue) + \(consequence.rawValue)")
        }
    }

    var precision: Double { accusations == 0 ? 1 : Double(trueAccusations) / Double(accusations) }
    var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }

    var summary: String {
        "Sample submissions: precision \(percent(precision)) (\(trueAccusations) of \(accusations) flags), "
            + "recall \(percent(recall)) (\(found) of \(planted) planted problems); "
            + "needs-review on \(cleanWithReview) of \(cleanClaims) clean claims"
    }

    func percent(_ value: Double) -> String { String(Int((value * 1000).rounded()) / 10) + "." + String(Int((value * 1000).rounded()) % 10) + " %" }
}
