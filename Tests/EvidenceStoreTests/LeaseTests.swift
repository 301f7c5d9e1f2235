import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

/// Several nodes on one store: claims, renewals, expiry and take-over, with the clock passed in
/// (no sleeps: `now` is whatever the test says).
@Suite struct LeaseTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let a = Lease(node: "node-a", seconds: 60)
    static let b = Lease(node: "node-b", seconds: 60)

    static func node(_ lease: Lease, host: String = "host-1", pid: Int = 101) -> NodeInfo {
        NodeInfo(id: lease.node, host: host, pid: pid, role: "all", leaseSeconds: lease.seconds, startedAt: t0)
    }

    /// Three queued documents, a submission naming two of them.
    static func store(_ backend: StoreBackend) throws -> Store {
        let store = try backend.makeStore()
        _ = try store.recordSubmission(Sample.submission(), manifestSHA256: sha("m"), files: Sample.files())
        try store.enqueueDocument(sha256: sha("other.pdf"), name: "other.pdf")
        return store
    }

    @Test(arguments: StoreBackend.allCases) func aClaimedDocumentIsNobodyElsesUntilItsLeaseExpires(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let first = try store.takeQueuedDocuments(limit: 2, lease: Self.a, now: Self.t0)
        #expect(first.count == 2)
        let second = try store.takeQueuedDocuments(limit: 5, lease: Self.b, now: Self.t0.addingTimeInterval(59))
        #expect(second.count == 1 && !first.contains(second[0]), "only the third, unclaimed document")
        #expect(try store.takeQueuedDocuments(limit: 5, lease: Self.b, now: Self.t0.addingTimeInterval(60)).isEmpty,
                "a lease holds up to its expiry")
        #expect(try store.takeQueuedDocuments(limit: 5, lease: Self.a, now: Self.t0.addingTimeInterval(61)).isEmpty,
                "a node never takes back its own work in flight when its heartbeat was late")
        // Node a was killed: a minute later its documents are anyone else's, another attempt counted.
        let stolen = try store.takeQueuedDocuments(limit: 5, lease: Self.b, now: Self.t0.addingTimeInterval(61))
        #expect(Set(stolen) == Set(first))
        for sha256 in stolen { #expect(try store.document(sha256: sha256)?.attempts == 2) }
        #expect(try store.nodes().isEmpty, "claims need no registration")
    }

    @Test(arguments: StoreBackend.allCases) func aHeartbeatRenewsEveryLeaseTheNodeStillHolds(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let taken = try store.takeQueuedDocuments(limit: 1, lease: Self.a, now: Self.t0)
        let claimedSubmission = try store.database.write { db in
            // The submission is not ready (its documents are unread): claimed here by hand.
            try db.execute("UPDATE submissions SET leaseNode = \(Self.a.node), leaseExpiresAt = \(Self.t0.addingTimeInterval(60))")
        }
        #expect(claimedSubmission == 1)
        #expect(try store.heartbeat(Self.node(Self.a), now: Self.t0.addingTimeInterval(50)) == 2)
        #expect(try store.takeQueuedDocuments(limit: 5, lease: Self.b, now: Self.t0.addingTimeInterval(100)).count == 2,
                "the two a does not hold")
        #expect(try store.takeQueuedDocuments(limit: 5, lease: Self.b, now: Self.t0.addingTimeInterval(111)) == taken,
                "renewed to 50 + 60 s, then expired")
        // b holds it now: a's next heartbeat renews nothing of b's.
        #expect(try store.heartbeat(Self.node(Self.a), now: Self.t0.addingTimeInterval(112)) == 1)
        #expect(try store.nodes(now: Self.t0.addingTimeInterval(112)).map(\.documentLeases) == [0])
    }

    @Test(arguments: StoreBackend.allCases) func aNodeThatLostItsLeaseCannotOverwriteTheNewOwnersResult(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let kh = sha("kh-45.pdf")
        try store.database.write { db in _ = try db.execute("DELETE FROM documents WHERE sha256 <> \(kh) AND sha256 <> \(sha("qd-12.pdf"))") }
        #expect(try store.takeQueuedDocuments(limit: 1, lease: Self.a, now: Self.t0).count == 1)
        let held = try store.takeQueuedDocuments(limit: 1, lease: Self.a, now: Self.t0)
        #expect(held.count == 1)
        // a is cut off past its lease; b takes both over.
        #expect(try store.takeQueuedDocuments(limit: 5, lease: Self.b, now: Self.t0.addingTimeInterval(61)).count == 2)
        let (doc, fields) = Sample.document("kh-45.pdf")
        #expect(throws: StoreError.leaseLost(item: kh, node: Self.a.node)) {
            try store.saveDocument(doc, fields: fields, lease: Self.a)
        }
        #expect(throws: StoreError.leaseLost(item: sha("qd-12.pdf"), node: Self.a.node)) {
            try store.markDocument(sha256: sha("qd-12.pdf"), state: .failed, failure: .init(.corruptImage, "x"), lease: Self.a)
        }
        #expect(try store.document(sha256: kh)?.state == .extracting, "a wrote nothing")
        try store.saveDocument(doc, fields: fields, lease: Self.b)
        #expect(try store.document(sha256: kh)?.state == .parsed)
        // Finished: the lease has ended, even for its owner.
        #expect(throws: StoreError.leaseLost(item: kh, node: Self.b.node)) { try store.saveDocument(doc, fields: fields, lease: Self.b) }
        try store.markDocument(sha256: sha("qd-12.pdf"), state: .failed, failure: .init(.corruptImage, "x"), lease: Self.b)
        #expect(try store.heldLeases() == 0)
    }

    @Test(arguments: StoreBackend.allCases) func aReadySubmissionIsCheckedByOneNodeAndItsFlagsQueuedOnce(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let (doc, fields) = Sample.document("kh-45.pdf")
        try store.saveDocument(doc, fields: fields)
        try store.markDocument(sha256: sha("qd-12.pdf"), state: .failed, failure: .init(.corruptImage, "x"))
        let id = "trabong-huyen-2024"
        #expect(try store.claimReadySubmissions(lease: Self.a, now: Self.t0) == [id])
        #expect(try store.claimReadySubmissions(lease: Self.b, now: Self.t0.addingTimeInterval(30)).isEmpty)
        #expect(try store.readySubmissions() == [id], "still ready, but claimed")
        // a stalls past its lease; b takes the submission over and records its result.
        #expect(try store.claimReadySubmissions(lease: Self.b, now: Self.t0.addingTimeInterval(61)) == [id])
        #expect(throws: StoreError.leaseLost(item: id, node: Self.a.node)) {
            try store.recordResult(Sample.result(), revision: 1, lease: Self.a)
        }
        #expect(try store.list().isEmpty, "the node that lost its lease queued nothing")
        let queued = try store.recordResult(Sample.result(), revision: 1, lease: Self.b)
        #expect(queued.count == 2)
        #expect(try store.submission(id: id)?.state == .checked)
        #expect(throws: StoreError.leaseLost(item: id, node: Self.a.node)) {
            try store.recordResult(Sample.result(), revision: 1, lease: Self.a)
        }
        #expect(try store.list().count == 2)
        #expect(try store.claimReadySubmissions(lease: Self.a, now: Self.t0.addingTimeInterval(200)).isEmpty)
        #expect(try store.heldLeases() == 0)
    }

    @Test(arguments: StoreBackend.allCases) func aSubmissionGivenBackIsClaimableAtOnce(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        try store.markDocument(sha256: sha("kh-45.pdf"), state: .failed, failure: .init(.corruptImage, "x"))
        try store.markDocument(sha256: sha("qd-12.pdf"), state: .failed, failure: .init(.corruptImage, "x"))
        #expect(try store.claimReadySubmissions(lease: Self.a, now: Self.t0).count == 1)
        try store.releaseSubmission(id: "trabong-huyen-2024", lease: Self.b)  // not b's: nothing happens
        #expect(try store.claimReadySubmissions(lease: Self.b, now: Self.t0).isEmpty)
        try store.releaseSubmission(id: "trabong-huyen-2024", lease: Self.a)
        #expect(try store.claimReadySubmissions(lease: Self.b, now: Self.t0) == ["trabong-huyen-2024"])
    }

    /// A daemon restarted on the same machine takes back at once what its dead predecessor held;
    /// a live node, and any node of another machine, keeps its leases.
    @Test(arguments: StoreBackend.allCases) func aRestartReleasesOnlyThisMachinesDeadRuns(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let c = Lease(node: "node-c", seconds: 60)
        try store.registerNode(Self.node(Self.a, pid: 101), now: Self.t0)
        try store.registerNode(Self.node(Self.b, pid: 102), now: Self.t0)
        try store.registerNode(Self.node(c, host: "host-2", pid: 101), now: Self.t0)
        for lease in [Self.a, Self.b, c] { #expect(try store.takeQueuedDocuments(limit: 1, lease: lease, now: Self.t0).count == 1) }
        let restarted = Lease(node: "node-d", seconds: 60)
        let released = try store.recoverEarlierRuns(of: restarted.node, host: "host-1", isRunning: { $0 == 102 }, now: Self.t0)
        #expect(released == Resumed(documents: 1, submissions: 0), "a's document only: b is alive, c is another machine's")
        #expect(try store.nodes(now: Self.t0).map(\.node.id) == ["node-b", "node-c"])
        #expect(try store.pendingDocuments().count == 1)

        // A configured id restarting releases its own earlier run's leases, alive-looking pid or not.
        let released2 = try store.recoverEarlierRuns(of: "node-b", host: "host-1", isRunning: { _ in true }, now: Self.t0)
        #expect(released2 == Resumed(documents: 1, submissions: 0))
        #expect(try store.nodes(now: Self.t0).map(\.node.id) == ["node-c"])
    }

    @Test(arguments: StoreBackend.allCases) func nodesShowTheirLeasesAndGoStaleWhenTheirHeartbeatStops(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        try store.registerNode(Self.node(Self.a), now: Self.t0)
        try store.registerNode(Self.node(Self.b, pid: 102), now: Self.t0)
        _ = try store.takeQueuedDocuments(limit: 2, lease: Self.a, now: Self.t0)
        try store.heartbeat(Self.node(Self.b, pid: 102), now: Self.t0.addingTimeInterval(50))
        let later = try store.nodes(now: Self.t0.addingTimeInterval(70))
        #expect(later.map(\.node.id) == ["node-a", "node-b"])
        #expect(later.map(\.documentLeases) == [2, 0])
        #expect(later.map(\.stale) == [true, false], "a's last heartbeat is older than its lease")
        #expect(later[1].heartbeatAt == Self.t0.addingTimeInterval(50))

        // A clean stop gives everything back and leaves the list.
        #expect(try store.removeNode(id: "node-a", now: Self.t0.addingTimeInterval(70)) == Resumed(documents: 2, submissions: 0))
        #expect(try store.nodes(now: Self.t0.addingTimeInterval(70)).map(\.node.id) == ["node-b"])
        #expect(try store.heldLeases() == 0)
        // A node silent for a day is forgotten at the next heartbeat of any node.
        try store.heartbeat(Self.node(Self.a), now: Self.t0.addingTimeInterval(70))
        try store.heartbeat(Self.node(Self.a), now: Self.t0.addingTimeInterval(70 + 86_401))
        #expect(try store.nodes(now: Self.t0.addingTimeInterval(70 + 86_401)).map(\.node.id) == ["node-a"])
    }

    /// Nodes claiming at the same moment from separate connections never get the same row.
    @Test(arguments: StoreBackend.allCases) func concurrentClaimsNeverOverlap(_ backend: StoreBackend) async throws {
        let claims = try await Self.race(backend, documents: 40, nodes: 4, limit: 3)
        #expect(claims.count == 40 && Set(claims).count == 40)
    }

    /// Many nodes claiming one document at a time see the same first candidates: a claim that finds
    /// them taken chooses again with more, so no node is told there is nothing while work waits.
    @Test(arguments: StoreBackend.allCases) func aClaimLosingTheRaceLooksFurtherBeforeSayingNothing(_ backend: StoreBackend) async throws {
        let claims = try await Self.race(backend, documents: 120, nodes: 8, limit: 1)
        #expect(claims.count == 120 && Set(claims).count == 120)
    }

    /// `nodes` stores of one database claim `limit` documents at a time until told there are none
    /// (which must then be true); returns every claim.
    static func race(_ backend: StoreBackend, documents: Int, nodes: Int, limit: Int) async throws -> [String] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let location = try backend.makeLocation(in: dir.url)
        try location.open().enqueueDocuments((0..<documents).map { (sha("race-\($0)"), nil, Date()) })
        return try await withThrowingTaskGroup(of: [String].self) { group in
            for node in 0..<nodes {
                group.addTask {
                    let store = try location.open()
                    var mine: [String] = []
                    while true {
                        let taken = try store.takeQueuedDocuments(limit: limit, lease: Lease(node: "node-\(node)", seconds: 60))
                        if taken.isEmpty {
                            #expect(try store.pendingDocuments(limit: 1).isEmpty, "node-\(node) was told there is nothing while documents wait")
                            return mine
                        }
                        mine += taken
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}

@Suite struct IntakeLockTests {
    /// One node at a time takes uploads: on PostgreSQL the others are refused until the holder
    /// gives the lock up (or its session ends); SQLite is one machine's file, so always held.
    @Test(arguments: StoreBackend.allCases) func oneNodeAtATimeHoldsTheIntakeLock(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let location = try backend.makeLocation(in: dir.url)
        let first = try location.open().intakeLock()
        let second = try location.open().intakeLock()
        #expect(try first.tryAcquire())
        #expect(try first.tryAcquire(), "still held")
        #expect(try second.tryAcquire() == (backend == .sqlite))
        first.release()
        // The server frees the lock once it has ended the closed session, a moment after the close
        // (a loaded machine shows it): the other node takes it at one of its next tries.
        #expect(try Self.acquiresSoon(second))
        #expect(try first.tryAcquire() == (backend == .sqlite))
        second.release()
    }

    /// Tries the lock until it is taken, up to a generous deadline (no fixed delay).
    static func acquiresSoon(_ lock: any StoreSessionLock) throws -> Bool {
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            if try lock.tryAcquire() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
