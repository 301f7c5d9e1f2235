import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

/// The summary's counts are SQL and the claims' verdicts Swift (`ClaimVerdict`); a result page shows
/// both side by side, so they must agree claim for claim (issue 19).
@Suite struct VerdictCountTests {
    static let review = Flag(reason: .needsReview, message: "Số viết tay", file: "kh-45.pdf", page: 1, field: .number)

    /// Four claims: an accusation with a question, a question alone, nothing, an accusation alone.
    static func submission() -> Submission {
        var submission = Sample.submission()
        submission.claims = ["2.1.2", "2.3.1", "2.4.1", "2.5.1"].map { .init(indicator: $0, score: 1, evidence: []) }
        return submission
    }

    static func result(_ flags: [[Flag]]) -> SubmissionResult {
        SubmissionResult(submission: "trabong-huyen-2024", unit: Sample.trabong, claims: flags.enumerated().map { index, flags in
            ClaimResult(index: index, indicator: submission().claims[index].indicator, score: 1, flags: flags)
        })
    }

    @Test(arguments: StoreBackend.allCases) func summaryCountsFollowTheClaimVerdict(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Self.submission(), manifestSHA256: sha("manifest"), files: [:])
        let flags = [[Sample.numberMismatch, Self.review], [Self.review, Self.review], [], [Sample.aboveMax]]
        _ = try store.recordResult(Self.result(flags))

        let current = try store.list(submission: "trabong-huyen-2024")
        let verdicts = (0..<flags.count).map { index in
            ClaimVerdict.of(current.filter { $0.claimIndex == index }.map(\.flag.reason))
        }
        #expect(verdicts == [.flagged, .needsReview, .supported, .flagged])

        let summary = try #require(try store.submissionSummary(id: "trabong-huyen-2024"))
        #expect(summary.claims == 4)
        #expect(summary.flaggedClaims == verdicts.filter { $0 == .flagged }.count)
        #expect(summary.flags == current.filter(\.flag.reason.accuses).count)
        #expect(summary.needsReview == current.filter { !$0.flag.reason.accuses }.count)
        #expect(try store.submissionSummaries(unitCodes: ["H-TRABONG"]).first == summary)
    }

    @Test(arguments: StoreBackend.allCases) func supersededFlagsLeaveTheCounts(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Self.submission(), manifestSHA256: sha("manifest"), files: [:])
        _ = try store.recordResult(Self.result([[Sample.numberMismatch], [Self.review], [], []]))
        // The re-check finds nothing against the first claim: its flag is superseded, not counted.
        _ = try store.recordResult(Self.result([[], [Self.review], [], []]))
        let summary = try #require(try store.submissionSummary(id: "trabong-huyen-2024"))
        #expect((summary.flaggedClaims, summary.flags, summary.needsReview) == (0, 0, 1))
    }

    @Test func theVerdictRule() {
        #expect(ClaimVerdict.of([FlagReason.draft], checked: false) == .pending)
        #expect(ClaimVerdict.of([FlagReason]()) == .supported)
        #expect(ClaimVerdict.of([.needsReview, .needsReview]) == .needsReview)
        #expect(ClaimVerdict.of([.needsReview, .wrongIssuer]) == .flagged)
        #expect(FlagReason.questions == [.needsReview])
    }
}
