import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct DecisionTests {
    static let needsReview = Flag(reason: .needsReview, message: "Cần xem lại số văn bản viết tay", file: "kh-45.pdf",
                                  page: 1, field: .number, box: Box(x: 0.1, y: 0.12, width: 0.25, height: 0.03))

    @Test(arguments: StoreBackend.allCases) func dismissWithoutACommentIsRefusedAndNothingIsWritten(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        for comment in [nil, "", "   "] {
            #expect(throws: StoreError.invalidDecision("dismissing a flag requires a comment saying why")) {
                try store.decide(flagId: ids[0], by: "appraiser1", action: .dismiss, comment: comment)
            }
        }
        #expect(try store.decisions(flagId: ids[0]).isEmpty)
        // The schema refuses it too, whoever writes.
        #expect(throws: (any Error).self) {
            try store.database.write { db in
                try db.execute("INSERT INTO flag_decisions (flagId, decidedBy, decidedAt, action) VALUES (\(ids[0]), 'x', \(Date()), 'dismiss')")
            }
        }
    }

    @Test(arguments: StoreBackend.allCases) func invalidDecisionsAreRefused(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        #expect(throws: StoreError.unknownFlags([999])) { try store.decide(flagId: 999, by: "a", action: .confirm) }
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "  ", action: .confirm) }
        // The claim is scored 3: a supported score above it, or negative, is not one.
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "a", action: .confirm, supportedScore: 4) }
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "a", action: .confirm, supportedScore: -1) }
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "a", action: .dismiss, supportedScore: 1, comment: "ok") }
        // Only needs-review flags are answered.
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "a", action: .answer, answer: "24") }
        #expect(try store.decisions(flagId: ids[0]).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases) func revisionsAppendAndTheLatestIsCurrent(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try store.decide(flagId: ids[0], by: "appraiser1", action: .confirm, supportedScore: 1.5, at: t0)
        let second = try store.decide(flagId: ids[0], by: "appraiser2", action: .dismiss,
                                      comment: "Số đúng là 45/KH-UBND, OCR đọc sai", at: t0.addingTimeInterval(60))
        #expect(first.supportedScore == 1.5 && first.action == .confirm)
        let trail = try store.decisions(flagId: ids[0])
        #expect(trail == [first, second])
        #expect(trail.map(\.decidedBy) == ["appraiser1", "appraiser2"])
        let current = try store.currentDecisions(flagIds: ids)
        #expect(current == [ids[0]: second])
        // The trail is append-only: no writer can change or remove a version.
        #expect(throws: (any Error).self) {
            try store.database.write { db in try db.execute("UPDATE flag_decisions SET comment = 'x'") }
        }
        #expect(throws: (any Error).self) {
            try store.database.write { db in try db.execute("DELETE FROM flag_decisions") }
        }
        #expect(try store.decisions(flagId: ids[0]).count == 2)
    }

    @Test(arguments: StoreBackend.allCases) func aNeedsReviewFlagIsAnswered(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store, result: Sample.result(first: [Self.needsReview]))
        let decision = try store.decide(flagId: ids[0], by: "appraiser1", action: .answer,
                                        answer: "the hand-written number reads 24", comment: "rõ ràng")
        #expect(decision.answer == "the hand-written number reads 24")
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "a", action: .answer, answer: " ") }
        let flag = try #require(try store.flag(id: ids[0]))
        #expect(flag.flag.field == .number && flag.flag.box == Self.needsReview.box)
        #expect(flag.unit.code == Sample.trabong.code && flag.submission == "trabong-huyen-2024")
        #expect(try store.flag(id: 12345) == nil)
    }

    @Test(arguments: StoreBackend.allCases) func aSupersededFlagIsNotDecided(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        // A changed submission's re-check replaces the first claim's flag.
        _ = try store.recordSubmission(Sample.submission(files: ["kh-46.pdf", "qd-12.pdf"]), manifestSHA256: sha("m2"),
                                       files: Sample.files(["kh-46.pdf", "qd-12.pdf"]))
        _ = try store.recordResult(Sample.result(first: [Sample.aboveMax]))
        #expect(try store.flag(id: ids[0])?.supersededAt != nil)
        #expect(throws: StoreError.self) { try store.decide(flagId: ids[0], by: "a", action: .confirm) }
    }

    @Test(arguments: StoreBackend.allCases) func decisionsAreDeliveredAsQueueEventsUntilAcked(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        try store.ack(consumer: "scoring", ids: ids)
        #expect(try store.pullEvents(consumer: "scoring").isEmpty)

        let decision = try store.decide(flagId: ids[1], by: "appraiser1", action: .dismiss, comment: "Bản chính đã ký")
        let events = try store.pullEvents(consumer: "scoring")
        #expect(events.count == 1)
        guard case .decision(let event) = try #require(events.first) else { Issue.record("not a decision"); return }
        #expect(event.flagId == ids[1] && event.decision == decision && event.flag.id == ids[1])
        #expect(events.first?.ackID == "d\(decision.id)")
        // At least once: delivered again until acked; another consumer reads on its own.
        #expect(try store.pullEvents(consumer: "scoring") == events)
        #expect(try store.pullEvents(consumer: "appraisers").count == 3)
        #expect(try store.pullEvents(consumer: "appraisers", kinds: [.flag]).count == 2)
        #expect(try store.decisionQueueDepth(consumer: "scoring") == 1)

        // Unknown ids are refused whole: the decision stays undelivered-acked.
        #expect(throws: StoreError.unknownDecisions([999])) {
            try store.ack(consumer: "scoring", QueueAcks(decisions: [decision.id, 999]))
        }
        #expect(throws: StoreError.unknownFlags([777])) {
            try store.ack(consumer: "scoring", QueueAcks(flags: [777], decisions: [decision.id]))
        }
        #expect(try store.pullEvents(consumer: "scoring").count == 1)
        #expect(try store.ack(consumer: "scoring", QueueAcks(decisions: [decision.id])) == 1)
        #expect(try store.ack(consumer: "scoring", QueueAcks(decisions: [decision.id])) == 0)
        #expect(try store.pullEvents(consumer: "scoring").isEmpty)

        // A revision is a new event.
        let revised = try store.decide(flagId: ids[1], by: "appraiser2", action: .confirm)
        // Confirmed without a supported score, the claim's 2 points are cut: the unit's total changed too.
        let score = try #require(try store.scoreEvents(submission: "trabong-huyen-2024").last)
        #expect(try store.pullEvents(consumer: "scoring").map(\.ackID) == ["d\(revised.id)", "s\(score.id)"])
    }

    @Test(arguments: StoreBackend.allCases) func flagEventsComeFirstAndTheLimitCoversBoth(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        try store.decide(flagId: ids[0], by: "a", action: .confirm)
        let all = try store.pullEvents(consumer: "scoring")
        #expect(all.map(\.kind) == [.flag, .flag, .decision, .score])
        #expect(try store.pullEvents(consumer: "scoring", limit: 2).map(\.kind) == [.flag, .flag])
        #expect(try store.pull(consumer: "scoring").map(\.id) == ids)
    }

    @Test func ackIDsParse() throws {
        #expect(try QueueAcks.parse(["17", "d5", "D6"]).get() == QueueAcks(flags: [17], decisions: [5, 6]))
        #expect(throws: QueueAckParseError.self) { try QueueAcks.parse(["x5"]).get() }
        #expect(throws: QueueAckParseError.self) { try QueueAcks.parse(["-3"]).get() }
    }
}
