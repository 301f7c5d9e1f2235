package import EvidenceModel

/// Checks a submission's claims against its evidence and a framework's rules. Pure: everything
/// it needs (extracted documents, parsed fields, other units' evidence) is passed in.
package struct ClaimChecker: Sendable {
    package var framework: Framework
    package var options: CheckOptions

    package init(framework: Framework, options: CheckOptions = CheckOptions()) {
        self.framework = framework; self.options = options
    }

    /// - Parameters:
    ///   - evidence: facts by the file path as written in the submission; a path without an entry is a missing file.
    ///   - others: evidence of other submissions (store or batch); those of the same unit are ignored.
    package func check(_ submission: Submission, evidence: [String: EvidenceFacts], others: [KnownEvidence]) -> SubmissionResult {
        let claims = submission.claims.enumerated().map { index, claim in
            check(claim: claim, index: index, of: submission, evidence: evidence, others: others)
        }
        return SubmissionResult(submission: submission.submission, unit: submission.unit, claims: claims)
    }

    package func check(claim: Submission.Claim, index: Int, of submission: Submission,
                      evidence: [String: EvidenceFacts], others: [KnownEvidence]) -> ClaimResult {
        var flags: [Flag] = []
        guard let indicator = framework.indicator(claim.indicator) else {
            flags.append(Flag(reason: .needsReview,
                              message: "Chỉ tiêu \(claim.indicator) không có trong bộ chỉ số \(framework.id).",
                              expected: "Một mã chỉ tiêu của bộ chỉ số", found: claim.indicator))
            return ClaimResult(index: index, indicator: claim.indicator, score: claim.score, flags: flags)
        }
        if claim.score > indicator.maxPoints + 1e-9 {
            flags.append(Flag(reason: .scoreAboveMax,
                              message: "Điểm tự chấm \(Points.text(claim.score)) vượt điểm tối đa \(Points.text(indicator.maxPoints)) của chỉ tiêu \(framework.displayCode(indicator)).",
                              expected: "≤ \(Points.text(indicator.maxPoints))", found: Points.text(claim.score)))
        }
        let rule = indicator.evidence ?? .report
        if claim.evidence.isEmpty {
            if claim.score > 0 {
                flags.append(Flag(reason: .noEvidence,
                                  message: "Chỉ tiêu \(framework.displayCode(indicator)) được tự chấm \(Points.text(claim.score)) điểm nhưng không kèm tài liệu kiểm chứng.",
                                  expected: rule.description ?? "Ít nhất 1 tài liệu kiểm chứng", found: "Không có tài liệu"))
            }
            return ClaimResult(index: index, indicator: claim.indicator, score: claim.score, flags: flags)
        }

        let context = ReviewContext(framework: framework, options: options, rule: rule, indicator: indicator,
                                    submission: submission, claimIndex: index, others: others, evidence: evidence)
        var reviews: [DocumentReview] = []
        var corroborations: [Corroboration] = []
        for item in claim.evidence {
            // A bundle's documents are checked one by one: the one declared, or each when counted.
            for facts in evidence[item.file].map({ $0.candidates(for: item, rule: rule).map(Optional.some) }) ?? [nil] {
                // A file of an archive is named by its place in it ('ho-so.zip/kh-12.pdf').
                var named = item
                if let facts, facts.file.hasPrefix(item.file + "/") { named.file = facts.file }
                let review = context.review(named, facts: facts)
                flags += review.flags
                corroborations += review.corroborations
                reviews.append(review)
            }
        }
        flags += support(claim: claim, indicator: indicator, rule: rule, reviews: reviews)
        return ClaimResult(index: index, indicator: claim.indicator, score: claim.score, flags: flags,
                           corroborations: corroborations)
    }

    /// Whether the valid documents earn the claimed score (count rules, minimum documents).
    func support(claim: Submission.Claim, indicator: Indicator, rule: EvidenceRule, reviews: [DocumentReview]) -> [Flag] {
        // The same document attached twice (or under two names) counts once.
        let (head, deputy) = Self.distinct(reviews.filter(\.valid))
        let valid = head + deputy
        // With no valid document at all, the documents' own flags already say why.
        if valid == 0, reviews.contains(where: { !$0.valid }) { return [] }
        if let count = rule.count {
            let cap = count.cap ?? indicator.maxPoints
            var earned = min(cap, Double(head) * count.perDocument)
            if let deputyRate = count.deputyPerDocument {
                earned += min(count.deputyCap ?? cap, Double(deputy) * deputyRate)
            } else {
                earned += min(cap, Double(deputy) * count.perDocument)
            }
            earned = min(earned, indicator.maxPoints)
            guard claim.score > earned + 1e-9 else { return [] }
            // One root cause, one flag: when the documents flagged on their own would have made up
            // the score, their flags already say why it is short.
            let (allHead, allDeputy) = Self.distinct(reviews)
            if claim.score <= count.earned(head: allHead, deputy: allDeputy, maxPoints: indicator.maxPoints) + 1e-9 { return [] }
            let needed = Int((min(claim.score, cap) / count.perDocument).rounded(.up))
            var rate = "\(Points.text(count.perDocument)) điểm/văn bản, tối đa \(Points.text(cap)) điểm"
            if let deputyRate = count.deputyPerDocument {
                rate += "; văn bản do cấp phó ký \(Points.text(deputyRate)) điểm, tối đa \(Points.text(count.deputyCap ?? cap)) điểm"
            }
            let shortfall = Flag(reason: .insufficientCount,
                         message: "Chỉ tiêu \(framework.displayCode(indicator)) tính điểm theo số văn bản (\(rate)): \(valid) văn bản hợp lệ chỉ đạt \(Points.text(earned)) điểm, đơn vị tự chấm \(Points.text(claim.score)) điểm.",
                         expected: "Ít nhất \(max(needed, valid + 1)) văn bản hợp lệ", found: "\(valid) văn bản hợp lệ (\(Points.text(earned)) điểm)")
            // Points per document the table does not state are the operator's reading: not an accusation.
            return [count.source == .assumption || rule.source == .assumption ? RootCause.softenCount(shortfall, reviews: reviews) : shortfall]
        }
        if claim.score > 0, rule.minDocuments > 1, valid < rule.minDocuments,
           { let all = Self.distinct(reviews); return all.head + all.deputy < rule.minDocuments }() {
            return [Flag(reason: .insufficientCount,
                         message: "Chỉ tiêu \(framework.displayCode(indicator)) cần ít nhất \(rule.minDocuments) văn bản hợp lệ, hồ sơ có \(valid).",
                         expected: "Ít nhất \(rule.minDocuments) văn bản hợp lệ", found: "\(valid) văn bản hợp lệ")]
        }
        return []
    }

    /// Head's and deputies' documents, the same document (attached twice or under two names) once.
    static func distinct(_ reviews: [DocumentReview]) -> (head: Int, deputy: Int) {
        var seen: Set<String> = []
        var head = 0, deputy = 0
        for review in reviews {
            let keys = review.identity
            if !keys.isEmpty && !seen.isDisjoint(with: keys) { continue }
            seen.formUnion(keys)
            if review.countsAsDeputy { deputy += 1 } else { head += 1 }
        }
        return (head, deputy)
    }
}

extension EvidenceRule.CountRule {
    /// Points the documents earn under this rule.
    func earned(head: Int, deputy: Int, maxPoints: Double) -> Double {
        let cap = self.cap ?? maxPoints
        var earned = min(cap, Double(head) * perDocument)
        if let deputyRate = deputyPerDocument {
            earned += min(deputyCap ?? cap, Double(deputy) * deputyRate)
        } else {
            earned += min(cap, Double(deputy) * perDocument)
        }
        return min(earned, maxPoints)
    }
}
