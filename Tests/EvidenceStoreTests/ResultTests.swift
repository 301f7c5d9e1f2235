import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

@Suite struct ResultTests {
    @Test(arguments: StoreBackend.allCases) func resultQueuesItsFlagsInOrderAndMarksChecked(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        #expect(ids.count == 2)
        #expect(ids == ids.sorted())
        let flags = try store.list()
        #expect(flags.map(\.id) == ids)
        #expect(flags.map(\.flag) == [Sample.numberMismatch, Sample.draft])
        #expect(flags[0].unit == Sample.trabong)
        #expect(flags[0].claimIndex == 0)
        #expect(flags[1].indicator == "2.3.1")
        #expect(flags.allSatisfy { $0.revision == 1 && $0.supersededAt == nil })
        #expect(try store.submission(id: "trabong-huyen-2024")?.state == .checked)
    }

    /// A needs-review keeps the field and the box the review screen crops (migration v4).
    @Test(arguments: StoreBackend.allCases) func aFlagsFieldAndBoxAreKept(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let review = Flag(reason: .needsReview, message: "Số viết tay", file: "kh-45.pdf", page: 1,
                          expected: "45/KH-UBND", found: "Không chắc chắn: số, ký hiệu",
                          field: .number, box: Box(x: 0.1, y: 0.12, width: 0.25, height: 0.03))
        _ = try Sample.recordChecked(store, result: Sample.result(first: [review]))
        let flags = try store.list()
        #expect(flags.first?.flag == review)
        #expect(flags.last?.flag.field == nil && flags.last?.flag.box == nil)
    }

    @Test(arguments: StoreBackend.allCases) func reRecordingAnUnchangedSubmissionsResultAddsNoFlag(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        // The daemon restarts and checks it again: same manifest, same files, same result.
        #expect(try store.recordSubmission(Sample.submission(), manifestSHA256: sha("manifest-trabong-huyen-2024"),
                                           files: Sample.files(salt: "trabong-huyen-2024")) == .unchanged)
        #expect(try store.recordResult(Sample.result()).isEmpty)
        #expect(try store.recordResult(Sample.result()).isEmpty)
        #expect(try store.list(includeSuperseded: true).map(\.id) == ids)
    }

    @Test(arguments: StoreBackend.allCases) func identicalFlagsTwiceInOneResultAreBothKept(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let twice = Sample.result(first: [Sample.numberMismatch, Sample.numberMismatch], second: [])
        let ids = try Sample.recordChecked(store, result: twice)
        #expect(ids.count == 2)
        #expect(try store.recordResult(twice).isEmpty)
        #expect(try store.list().count == 2)
    }

    @Test(arguments: StoreBackend.allCases) func unchangedSubmissionWithANewFindingQueuesOnlyTheDifference(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let ids = try Sample.recordChecked(store)
        // Another unit now uses the same document: the re-check adds a duplicate-evidence flag and
        // the draft finding is gone (the document became readable after a retry).
        let duplicate = Flag(reason: .duplicateEvidence, message: "Văn bản đã được đơn vị khác sử dụng",
                             file: "kh-45.pdf", expected: "H-TRABONG", found: "H-SONHA")
        let added = try store.recordResult(Sample.result(first: [Sample.numberMismatch, duplicate], second: []))
        #expect(added.count == 1)
        #expect(try #require(added.first) > (ids.max() ?? 0))
        let current = try store.list()
        #expect(current.map(\.id) == [ids[0], added[0]])
        let all = try store.list(includeSuperseded: true)
        #expect(all.count == 3)
        #expect(all.first { $0.id == ids[1] }?.supersededAt != nil)
    }

    @Test(arguments: StoreBackend.allCases) func changedSubmissionSupersedesEarlierFlagsAndQueuesNewOnes(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = try Sample.recordChecked(store)

        var edited = Sample.submission()
        edited.claims[0].evidence[0].number = "46/KH-UBND"
        #expect(try store.recordSubmission(edited, manifestSHA256: sha("edited"),
                                           files: Sample.files(salt: "trabong-huyen-2024")) == .changed)
        // Until the new result is in, the earlier flags stand.
        #expect(try store.list().map(\.id) == first)
        #expect(try store.submission(id: "trabong-huyen-2024")?.state == .queued)

        // The new revision still has the draft finding: a changed submission is reviewed afresh,
        // so it is queued again under a new id.
        let second = try store.recordResult(Sample.result(first: [], second: [Sample.draft]))
        #expect(second.count == 1)
        #expect(try #require(second.first) > (first.max() ?? 0))

        let current = try store.list()
        #expect(current.map(\.id) == second)
        #expect(current[0].revision == 2)
        let all = try store.list(includeSuperseded: true)
        #expect(all.map(\.id) == first + second)
        #expect(all.filter { first.contains($0.id) }.allSatisfy { $0.supersededAt != nil })
        // Recording the same result again changes nothing.
        #expect(try store.recordResult(Sample.result(first: [], second: [Sample.draft])).isEmpty)
        #expect(try store.list(includeSuperseded: true).count == 3)
    }

    @Test(arguments: StoreBackend.allCases) func cleanResultOfAChangedSubmissionLeavesNoCurrentFlag(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try Sample.recordChecked(store)
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("fixed"),
                                       files: Sample.files(salt: "fixed"))
        #expect(try store.recordResult(Sample.result(first: [], second: [])).isEmpty)
        #expect(try store.list().isEmpty)
        #expect(try store.list(includeSuperseded: true).count == 2)
    }

    @Test(arguments: StoreBackend.allCases) func resultForUnknownSubmissionOrClaimIsRefusedAndWritesNothing(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(throws: StoreError.unknownSubmission("trabong-huyen-2024")) {
            try store.recordResult(Sample.result())
        }
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m"), files: Sample.files())
        var bad = Sample.result()
        bad.claims.append(ClaimResult(index: 7, indicator: "9.9", score: 1, flags: [Sample.aboveMax]))
        #expect(throws: StoreError.claimOutOfRange(submission: "trabong-huyen-2024", index: 7)) {
            try store.recordResult(bad)
        }
        #expect(try store.list(includeSuperseded: true).isEmpty)
        #expect(try store.submission(id: "trabong-huyen-2024")?.state == .queued)
    }

    @Test(arguments: StoreBackend.allCases) func aBatchIsRecordedWholeOrNotAtAll(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        for id in ["a-2024", "b-2024"] {
            _ = try store.recordSubmission(Sample.submission(id), manifestSHA256: sha(id), files: Sample.files(salt: id))
        }
        #expect(throws: StoreError.unknownSubmission("c-2024")) {
            try store.recordResults([Sample.result("a-2024"), Sample.result("c-2024")])
        }
        #expect(try store.list().isEmpty)
        #expect(try store.submission(id: "a-2024")?.state == .queued)

        let queued = try store.recordResults([Sample.result("a-2024"), Sample.result("b-2024")])
        #expect(queued["a-2024"]?.count == 2)
        #expect(queued["b-2024"]?.count == 2)
        #expect(try store.list().map(\.id) == (queued["a-2024"] ?? []) + (queued["b-2024"] ?? []))
    }

    @Test(arguments: StoreBackend.allCases) func aResultForARevisionSinceReplacedIsRefused(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m1"), files: Sample.files())
        let checking = try #require(try store.submission(id: "trabong-huyen-2024")).revision
        // The unit uploads a new version while the daemon is checking the first.
        _ = try store.recordSubmission(Sample.submission(score: 1), manifestSHA256: sha("m2"), files: Sample.files())
        #expect(throws: StoreError.staleResult(submission: "trabong-huyen-2024", checked: 1, current: 2)) {
            try store.recordResult(Sample.result(), revision: checking)
        }
        #expect(try store.list().isEmpty)
        #expect(try store.submission(id: "trabong-huyen-2024")?.state == .queued)
        #expect(try store.recordResult(Sample.result(), revision: 2).count == 2)
    }
}

