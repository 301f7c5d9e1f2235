import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

/// Accepted scores: the declared score unless a confirmed flag cut it (to the supported score, or
/// 0 without one), the decision that did named, and a score event when a unit's total changes.
@Suite struct ScoreTests {
    static let season = SeasonQuery(framework: "thanhhoa-dti-district-2021", period: .year(2024))

    @Test(arguments: StoreBackend.allCases) func aClaimIsAcceptedAsDeclaredUntilAConfirmedFlagCutsIt(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)  // claim 0 (3 points): number-mismatch; claim 1 (2 points): draft
        var unit = try #require(try store.scores(Self.season).first)
        #expect(unit.claims.map(\.status) == [.pending, .pending], "undecided flags: not final")
        #expect(unit.claimed == 5 && unit.accepted == 5)

        let cut = try store.decide(flagId: ids[0], by: "council", action: .confirm, supportedScore: 1, comment: "chỉ một kế hoạch hợp lệ")
        try store.decide(flagId: ids[1], by: "council", action: .dismiss, comment: "bản ký chính thức")
        unit = try #require(try store.scores(Self.season).first)
        #expect(unit.claims[0].accepted == 1 && unit.claims[0].status == .cut)
        #expect(unit.claims[0].decision == cut && unit.claims[0].flagId == ids[0] && unit.claims[0].reason == .numberMismatch)
        #expect(unit.claims[1].accepted == 2 && unit.claims[1].status == .accepted && unit.claims[1].decision == nil)
        #expect(unit.accepted == 3 && unit.claimed == 5)

        // Confirmed without a supported score: the claim is not supported at all.
        try store.decide(flagId: ids[0], by: "council", action: .confirm)
        unit = try #require(try store.scores(Self.season).first)
        #expect(unit.claims[0].accepted == 0 && unit.accepted == 2)
        // Revised to a dismissal: the declared score stands again.
        try store.decide(flagId: ids[0], by: "council", action: .dismiss, comment: "đọc lại: đúng số")
        unit = try #require(try store.scores(Self.season).first)
        #expect(unit.claims[0].accepted == 3 && unit.claims[0].status == .accepted && unit.accepted == 5)
    }

    @Test(arguments: StoreBackend.allCases) func ofSeveralConfirmedFlagsTheLowestHolds(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store, result: Sample.result(first: [Sample.numberMismatch, Sample.aboveMax], second: []))
        try store.decide(flagId: ids[0], by: "a", action: .confirm, supportedScore: 2)
        let lowest = try store.decide(flagId: ids[1], by: "b", action: .confirm, supportedScore: 1.5)
        let claim = try #require(try store.scores(Self.season).first?.claims[0])
        #expect(claim.accepted == 1.5 && claim.decision == lowest && claim.reason == .scoreAboveMax)
    }

    @Test(arguments: StoreBackend.allCases) func aSeasonIsEachUnitsLatestSubmissionWithinScopeAndNeverAPrecheck(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try Sample.recordChecked(store)
        try Sample.recordChecked(store, id: "sonha-huyen-2024", unit: Sample.sonha)
        var precheck = Sample.submission("trabong-thu-2024")
        precheck.precheck = true
        _ = try store.recordSubmission(precheck, manifestSHA256: sha("p"), files: Sample.files(salt: "p"))
        #expect(try store.scores(Self.season).map(\.submission) == ["sonha-huyen-2024", "trabong-huyen-2024"])
        #expect(try store.scores(SeasonQuery(framework: Self.season.framework, units: ["H-SONHA"])).map(\.unit.code) == ["H-SONHA"])
        #expect(try store.scores(SeasonQuery(framework: Self.season.framework, units: [])).isEmpty)
        #expect(try store.scores(SeasonQuery(framework: "other")).isEmpty)
        #expect(try store.scores(SeasonQuery(framework: Self.season.framework, period: .year(2023))).isEmpty)
        #expect(try store.scores(SeasonQuery(framework: Self.season.framework, period: .exact(from: "2024-01-01", to: "2024-12-31"))).count == 2)
        // A later submission of the same unit and season replaces the earlier one in the season.
        _ = try store.recordSubmission(Sample.submission("trabong-huyen-2024-b", score: 1), manifestSHA256: sha("b"), files: Sample.files(salt: "b"))
        let trabong = try #require(try store.scores(Self.season).first { $0.unit.code == "H-TRABONG" })
        #expect(trabong.submission == "trabong-huyen-2024-b" && trabong.state == .queued)
        #expect(trabong.claims.allSatisfy { $0.status == .pending })
    }

    @Test(arguments: StoreBackend.allCases) func aDecisionThatChangesTheTotalQueuesAScoreEventOnce(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        #expect(try store.pullScoreEvents(consumer: "scoring", limit: 10).isEmpty, "a first check is no change")
        try store.decide(flagId: ids[1], by: "council", action: .dismiss, comment: "đúng")
        #expect(try store.pullScoreEvents(consumer: "scoring", limit: 10).isEmpty, "a dismissal cuts nothing")
        let decision = try store.decide(flagId: ids[0], by: "council", action: .confirm, supportedScore: 1)
        var events = try store.pullScoreEvents(consumer: "scoring", limit: 10)
        #expect(events.count == 1)
        #expect(events.first?.accepted == 3 && events.first?.claimed == 5 && events.first?.decisionId == decision.id)
        #expect(events.first?.unitCode == "H-TRABONG")
        // The same decision again changes nothing; re-recording the unchanged result neither.
        try store.decide(flagId: ids[0], by: "council", action: .confirm, supportedScore: 1, comment: "nhắc lại")
        try store.recordResult(Sample.result())
        #expect(try store.scoreEvents(submission: "trabong-huyen-2024").count == 1)

        // Through the queue after flags and decisions, acked as "s<id>".
        let all = try store.pullEvents(consumer: "scoring", limit: 100)
        #expect(all.last?.kind == .score && all.last?.ackID == "s\(events[0].id)")
        guard case .success(let acks) = QueueAcks.parse(["s\(events[0].id)"]) else { Issue.record("s-id not parsed"); return }
        #expect(try store.ack(consumer: "scoring", acks) == 1)
        events = try store.pullScoreEvents(consumer: "scoring", limit: 10)
        #expect(events.isEmpty)
        #expect(throws: StoreError.unknownScoreEvents([999])) { try store.ack(consumer: "scoring", QueueAcks(scores: [999])) }
    }

    @Test(arguments: StoreBackend.allCases) func publishingIsRecordedOncePerSeason(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(try store.seasonPublished(framework: "f", period: .year(2024)) == nil)
        try store.publishSeason(framework: "f", period: .year(2024), by: "root", at: Date(timeIntervalSince1970: 1_700_000_000))
        try store.publishSeason(framework: "f", period: .year(2024), by: "other")
        #expect(try store.seasonPublished(framework: "f", period: .year(2024)) == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try store.publishedPeriods(framework: "f") == ["2024"])
    }

    @Test func periodsAreAYearOrAnExactRange() {
        #expect(SeasonPeriod("2024") == .year(2024))
        #expect(SeasonPeriod("2024-01-01/2024-12-31") == .exact(from: "2024-01-01", to: "2024-12-31"))
        for bad in ["", "24", "2024-13", "2024-12-31/2024-01-01", "2024-01-01/", "x/y", "20245"] {
            #expect(SeasonPeriod(bad) == nil, "\(bad)")
        }
    }
}

/// The season page's aggregates against the per-claim scores they sum.
@Suite struct SeasonOverviewTests {
    @Test(arguments: StoreBackend.allCases) func theOverviewsTotalsAreTheClaimScoresSummedAndUnitsWithoutASubmissionAreListed(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store, result: Sample.result(first: [Sample.numberMismatch, Sample.aboveMax]))
        try Sample.recordChecked(store, id: "sonha-huyen-2024", unit: Sample.sonha)
        try store.addUser(UserAccount(name: "x", role: .unit, unitCode: "X-NONE"), passwordHash: "h",
                          unit: .init(code: "X-NONE", name: "Xã chưa nộp", level: .commune))
        try store.decide(flagId: ids[0], by: "a", action: .confirm, supportedScore: 2)
        try store.decide(flagId: ids[1], by: "a", action: .confirm, supportedScore: 1)
        try store.decide(flagId: ids[2], by: "a", action: .dismiss, comment: "ổn")
        let overview = try store.seasonOverview(ScoreTests.season)
        #expect(overview.units.map(\.unit.code) == ["H-SONHA", "H-TRABONG", "X-NONE"])
        let scores = try store.scores(ScoreTests.season)
        for unit in scores {
            let row = try #require(overview.units.first { $0.unit.code == unit.unit.code })
            #expect(row.claimed == unit.claimed && row.accepted == unit.accepted, "\(unit.unit.code)")
        }
        let trabong = try #require(overview.units.first { $0.unit.code == "H-TRABONG" })
        #expect(trabong.accepted == 3 && trabong.confirmedFlags == 2 && trabong.dismissedFlags == 1 && trabong.openFlags == 0)
        #expect(overview.units[2].submission == nil && overview.units[2].claimed == 0)
        #expect(overview.flagsByReason == [.numberMismatch: 2, .scoreAboveMax: 1, .draft: 2])
        #expect(overview.days.map(\.submitted).reduce(0, +) == 2 && overview.days.map(\.checked).reduce(0, +) == 2)
        // Within an appraiser's units only.
        #expect(try store.seasonOverview(SeasonQuery(framework: ScoreTests.season.framework, units: ["H-SONHA"])).units.map(\.unit.code) == ["H-SONHA"])
    }
}
