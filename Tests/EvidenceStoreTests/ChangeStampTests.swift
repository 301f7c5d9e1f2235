import EvidenceModel
import EvidenceStoreTesting
import Foundation
import Testing
@testable import EvidenceStore

/// The pages' change stamps (v12): every write a page could show bumps the store's stamp and the
/// touched unit's, and nothing else does (another unit's, leases, heartbeats), on both backends.
@Suite struct ChangeStampTests {
    /// The stamps of the store, Trà Bồng and Sơn Hà now.
    static func stamps(_ store: Store) throws -> [Int64] {
        [try store.changeStamp(.store), try store.changeStamp(.unit(Sample.trabong.code)), try store.changeStamp(.unit(Sample.sonha.code))]
    }

    /// Runs `write` and says which of the three stamps it moved.
    static func moved(_ store: Store, _ write: () throws -> Void) throws -> [Bool] {
        let before = try stamps(store)
        try write()
        return zip(before, try stamps(store)).map { $0 < $1 }
    }

    @Test(arguments: StoreBackend.allCases) func whatAPageShowsBumpsItsUnitAndTheStoreAndNothingElse(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let node = NodeInfo(id: "node-a", host: "host", pid: 1, role: "all", leaseSeconds: 60, startedAt: Date())
        let lease = Lease(node: "node-a", seconds: 60)
        let sonha = Sample.sonha
        #expect(try Self.stamps(store) == [0, 0, 0])

        #expect(try Self.moved(store) {
            _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m1"), files: Sample.files())
        } == [true, true, false], "a new submission")
        _ = try store.recordSubmission(Sample.submission("sonha-huyen-2024", unit: sonha), manifestSHA256: sha("m2"),
                                       files: Sample.files(["kh-45.pdf", "bb-9.pdf"]))

        // Claimed and renewed: nothing a page shows beyond the state, and the renewal nothing at all.
        #expect(try Self.moved(store) { _ = try store.takeQueuedDocuments(limit: 1, lease: lease) }.first == true)
        #expect(try Self.moved(store) { try store.registerNode(node); _ = try store.heartbeat(node) } == [false, false, false],
                "a heartbeat renews leases only")

        // kh-45.pdf is in both units' submissions: its reading is news to both.
        let (document, fields) = Sample.document("kh-45.pdf")
        #expect(try Self.moved(store) { try store.saveDocument(document, fields: fields) } == [true, true, true])
        let (other, otherFields) = Sample.document("qd-12.pdf")
        #expect(try Self.moved(store) { try store.saveDocument(other, fields: otherFields) } == [true, true, false])

        var ids: [Int64] = []
        #expect(try Self.moved(store) { ids = try store.recordResult(Sample.result()) } == [true, true, false], "flags")
        #expect(try Self.moved(store) {
            _ = try store.decide(flagId: ids[0], by: "council", action: .confirm, supportedScore: 1, comment: nil)
        } == [true, true, false], "a decision")
        #expect(try Self.moved(store) { _ = try store.recordResult(Sample.result("sonha-huyen-2024", unit: sonha)) }
                == [true, false, true])
    }

    @Test(arguments: StoreBackend.allCases) func aStampIsSharedByEveryStoreOnTheDatabase(_ backend: StoreBackend) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let location = try backend.makeLocation(in: folder.url)
        let writer = try location.open()
        let reader = try location.open()
        let before = try reader.changeStamp(.unit(Sample.trabong.code))
        try Sample.recordChecked(writer)
        #expect(try reader.changeStamp(.unit(Sample.trabong.code)) > before, "another process's write is seen")
    }
}
