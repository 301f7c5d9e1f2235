import Foundation
import Testing
import EvidenceModel
import EvidenceStore
import EvidenceStoreTesting
@testable import EvidenceDaemon

/// Several `evidenced run` nodes on one PostgreSQL database, one inbox and one content folder, as
/// README "Several machines" describes (here on one machine, each node its own process).
@Suite(.serialized) struct SeveralNodesTests {
    /// A fresh database of the test process's PostgreSQL cluster, as a node's `store.url`.
    static func newDatabase() throws -> String {
        url(of: try TestPostgres.shared().makeDatabase())
    }

    /// The database's `store.url`, its password in it.
    static func url(of database: PostgresLocation) -> String {
        "postgres://\(database.user):\(database.password ?? "")@\(database.host):\(database.port)/\(database.database)?sslmode=disable"
    }

    /// Two nodes share the sample submissions; one is killed with -9 while it holds leases. The
    /// other takes its work over once the leases expire: every submission is checked, no document
    /// is lost or extracted twice, and the flags are exactly those of one node alone on SQLite.
    @Test func twoNodesShareTheWorkAndOneKilledLosesNothing() async throws {
        // Generous: on a loaded 2-core machine OCR of the four samples alone has taken over 2 minutes.
        let expected = try await DaemonTests.uninterruptedRun(seconds: 400)

        let url = try Self.newDatabase()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = try ["first", "second"].map { name in
            let node = try DaemonProcess(folder: folder, name: name)
            node.databaseURL = url
            // Short leases so the take-over comes within the test; a worker each, two cores in all.
            node.environment = ["EVIDENCED_DAEMON_LEASE_SECONDS": "6", "EVIDENCED_DAEMON_HEARTBEAT_SECONDS": "1",
                                "EVIDENCED_WORKERS": "1"]
            return node
        }
        let (first, second) = (nodes[0], nodes[1])
        for node in nodes { try node.start() }
        defer { for node in nodes { node.signal(SIGKILL) } }
        try first.drop(DaemonTests.samples)

        // Killed while it extracts: polled, never a fixed delay.
        let store = try first.store
        let firstPID = Int(first.process.processIdentifier)
        let held = await Self.killWhenItHoldsWork(pid: firstPID, deadline: Date().addingTimeInterval(400)) {
            try store.nodes().filter { $0.node.pid == firstPID }.map(\.documentLeases).reduce(0, +)
        }
        try #require(held > 0, "the first node never held work: \(first.logText.suffix(2000))")
        #expect(await first.waitForExit(seconds: 10))

        #expect(try await second.waitUntilSettled(submissions: 4, seconds: 400), "\(second.logText.suffix(3000))")
        #expect(try store.heldLeases() == 0)
        let attempts = try DaemonTests.samples.flatMap { try store.documents(ofSubmission: $0).values.map(\.attempts) }
        #expect(attempts.contains { $0 >= 2 }, "a document the killed node held was claimed again: \(attempts)")
        let killed = try store.nodes().filter { $0.node.pid == firstPID }
        #expect(killed.count == 1 && killed.allSatisfy { $0.documentLeases + $0.submissionLeases == 0 },
                "the killed node is still listed, its work all taken over")
        second.signal(SIGTERM)
        #expect(await second.waitForExit(seconds: 25))
        #expect(try store.nodes().map(\.node.pid) == [firstPID], "the second node left the store when it stopped")

        let got = try DaemonTests.keys(store)
        #expect(Set(got).count == got.count, "a flag was queued twice")
        #expect(Set(got) == Set(expected), "missing: \(Set(expected).subtracting(got)), extra: \(Set(got).subtracting(expected))")
        // A document is read to completion once: the killed node's unfinished ones by the other.
        let extracted = (first.logText + second.logText).split(separator: "\n")
            .filter { $0.contains("document extracted") || $0.contains("document unreadable") }
            .compactMap { line in line.split(separator: " ").first { $0.hasPrefix("sha256=") } }
        #expect(Set(extracted).count == extracted.count, "a document was extracted twice: \(extracted.sorted())")
        #expect(!second.logText.contains("lease passed to another node"))
        #expect(second.logText.contains("intake lock held") || first.logText.contains("intake lock held"))
    }

    /// Three nodes with one role each: uploads are taken by the intake node only, documents read by
    /// the extraction node only, submissions checked by the checking node only.
    @Test func rolesSplitTheWorkAcrossNodes() async throws {
        let url = try Self.newDatabase()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roles = ["intake", "extract", "check"]
        let nodes = try roles.map { role in
            let node = try DaemonProcess(folder: folder, name: role)
            node.databaseURL = url
            node.arguments = ["--role", role]
            node.environment = ["EVIDENCED_WORKERS": "1"]
            return node
        }
        for node in nodes { try node.start() }
        defer { for node in nodes { node.signal(SIGKILL) } }
        let store = try nodes[0].store
        // Every node has joined before the upload arrives (the deadline only a guard against a hang).
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline, try store.nodes().count < 3 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try store.nodes().map(\.node.role).sorted() == roles.sorted())
        // Born-digital: no OCR, quick.
        try nodes[0].drop(["minhlong-huyen-2024-bo-sung"])
        #expect(try await nodes[1].waitUntilSettled(submissions: 1, seconds: 300), "\(nodes.map { $0.logText.suffix(1500) })")
        for node in nodes {
            node.signal(SIGTERM)
            #expect(await node.waitForExit(seconds: 25))
        }
        let (intake, extract, check) = (nodes[0].logText, nodes[1].logText, nodes[2].logText)
        #expect(intake.contains("submission taken") && !intake.contains("document extracted") && !intake.contains("submission checked"))
        #expect(extract.contains("document extracted") && !extract.contains("submission taken") && !extract.contains("submission checked"))
        #expect(check.contains("submission checked") && !check.contains("submission taken") && !check.contains("document extracted"))
        #expect(try store.nodes().isEmpty && store.heldLeases() == 0)
    }

    /// Polls on a thread of its own and kills the node the moment it holds work: on a loaded machine
    /// the test process's cooperative threads can be busy with other suites' blocking work for longer
    /// than the node needs to finish everything (it did, once: sixteen documents in sixteen seconds).
    static func killWhenItHoldsWork(pid: Int, deadline: Date, leases: @escaping @Sendable () throws -> Int) async -> Int {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var held = 0
                while Date() < deadline, held == 0 {
                    held = (try? leases()) ?? 0
                    if held == 0 { Thread.sleep(forTimeInterval: 0.05) }
                }
                if held > 0 { kill(pid_t(pid), SIGKILL) }
                continuation.resume(returning: held)
            }
            thread.start()
        }
    }
}
