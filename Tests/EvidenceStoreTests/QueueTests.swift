import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct QueueTests {
    @Test(arguments: StoreBackend.allCases) func pullReturnsUnackedFlagsInIdOrderUpToTheLimit(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let a = try Sample.recordChecked(store, id: "a-2024")
        let b = try Sample.recordChecked(store, id: "b-2024", unit: Sample.sonha)
        #expect(try store.pull(consumer: "scoring", limit: 3).map(\.id) == Array((a + b).prefix(3)))
        #expect(try store.pull(consumer: "scoring").map(\.id) == a + b)
        #expect(try store.queueDepth(consumer: "scoring") == 4)
    }

    /// The flag list's page (`after`, `reason`, `limit` in the query) is the whole list filtered and cut.
    @Test(arguments: StoreBackend.allCases) func aListPageIsTheWholeListFilteredAndCut(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try Sample.recordChecked(store, id: "a-2024")
        _ = try Sample.recordChecked(store, id: "b-2024", unit: Sample.sonha)
        let whole = try store.list()
        #expect(whole.count == 4)
        for after in [nil, whole[0].id, whole[2].id, whole[3].id] {
            for reason in [nil] + Set(whole.map(\.flag.reason)).sorted(by: { $0.rawValue < $1.rawValue }) + [FlagReason.needsReview] {
                for limit in [nil, 1, 2, 100] {
                    let expected = whole.filter { $0.id > (after ?? 0) && (reason == nil || $0.flag.reason == reason) }.prefix(limit ?? .max)
                    #expect(try store.list(after: after, reason: reason, limit: limit) == Array(expected), "\(String(describing: after)) \(String(describing: reason)) \(String(describing: limit))")
                }
            }
        }
    }

    @Test(arguments: StoreBackend.allCases) func ackedFlagsAreNotDeliveredAgain(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        let batch = try store.pull(consumer: "scoring", limit: 1)
        #expect(try store.ack(consumer: "scoring", ids: batch.map(\.id)) == 1)
        #expect(try store.pull(consumer: "scoring").map(\.id) == [ids[1]])
        #expect(try store.ack(consumer: "scoring", ids: [ids[1], ids[1]]) == 1)
        #expect(try store.pull(consumer: "scoring").isEmpty)
        #expect(try store.queueDepth(consumer: "scoring") == 0)
        // Acking again is harmless.
        #expect(try store.ack(consumer: "scoring", ids: ids) == 0)
    }

    @Test(arguments: StoreBackend.allCases) func unackedFlagsAreRedelivered(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        let first = try store.pull(consumer: "scoring")
        // The consumer dies before acking: the next pull delivers the same flags.
        let second = try store.pull(consumer: "scoring")
        #expect(first == second)
        #expect(second.map(\.id) == ids)
        // Acking only the second leaves the first to be redelivered.
        try store.ack(consumer: "scoring", ids: [ids[1]])
        #expect(try store.pull(consumer: "scoring").map(\.id) == [ids[0]])
    }

    @Test(arguments: StoreBackend.allCases) func consumersAreIndependent(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        try store.ack(consumer: "scoring", ids: ids)
        #expect(try store.pull(consumer: "scoring").isEmpty)
        #expect(try store.pull(consumer: "appraisers").map(\.id) == ids)
        try store.ack(consumer: "appraisers", ids: [ids[0]])
        #expect(try store.pull(consumer: "appraisers").map(\.id) == [ids[1]])
        #expect(try store.pull(consumer: "scoring").isEmpty)
    }

    @Test(arguments: StoreBackend.allCases) func newFlagsArriveAfterAckedOnes(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let a = try Sample.recordChecked(store, id: "a-2024")
        try store.ack(consumer: "scoring", ids: a)
        let b = try Sample.recordChecked(store, id: "b-2024", unit: Sample.sonha)
        #expect(try store.pull(consumer: "scoring").map(\.id) == b)
    }

    @Test(arguments: StoreBackend.allCases) func ackOfAnUnknownIdAcksNothing(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        #expect(throws: StoreError.unknownFlags([999])) { try store.ack(consumer: "scoring", ids: [ids[0], 999]) }
        #expect(try store.pull(consumer: "scoring").map(\.id) == ids)
    }

    @Test(arguments: StoreBackend.allCases) func consumerNamesAreChecked(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(throws: StoreError.invalidConsumer("")) { try store.pull(consumer: "") }
        #expect(throws: StoreError.invalidConsumer(" scoring")) { try store.ack(consumer: " scoring", ids: [1]) }
    }

    @Test(arguments: StoreBackend.allCases) func supersededFlagsReachConsumersAsWithdrawals(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = try Sample.recordChecked(store)
        // scoring handled both flags; appraisers never pulled.
        try store.ack(consumer: "scoring", ids: first)

        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("fixed"), files: Sample.files())
        let second = try store.recordResult(Sample.result(first: [Sample.aboveMax], second: []))

        let scoring = try store.pull(consumer: "scoring")
        #expect(scoring.map(\.id) == first + second)
        #expect(scoring.filter(\.isWithdrawn).map(\.id) == first)
        #expect(scoring.last?.isWithdrawn == false)
        try store.ack(consumer: "scoring", ids: scoring.map(\.id))
        #expect(try store.pull(consumer: "scoring").isEmpty)

        // A consumer that never had the old flags only gets the new one.
        #expect(try store.pull(consumer: "appraisers").map(\.id) == second)
    }

    @Test(arguments: StoreBackend.allCases) func flagSupersededBetweenPullAndAckIsStillWithdrawn(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = try Sample.recordChecked(store)
        let pulled = try store.pull(consumer: "scoring")
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("fixed"), files: Sample.files())
        try store.recordResult(Sample.result(first: [], second: []))
        // The consumer acks what it handled as current; it must still learn of the withdrawal.
        try store.ack(consumer: "scoring", ids: pulled.map(\.id))
        let next = try store.pull(consumer: "scoring")
        #expect(next.map(\.id) == first)
        #expect(next.allSatisfy { $0.isWithdrawn })
    }

    @Test(arguments: StoreBackend.allCases) func listFiltersBySubmission(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try Sample.recordChecked(store, id: "a-2024")
        let b = try Sample.recordChecked(store, id: "b-2024", unit: Sample.sonha)
        #expect(try store.list(submission: "b-2024").map(\.id) == b)
        #expect(try store.list(submission: "b-2024").allSatisfy { $0.unit == Sample.sonha })
        #expect(try store.list(submission: "c-2024").isEmpty)
    }
}
