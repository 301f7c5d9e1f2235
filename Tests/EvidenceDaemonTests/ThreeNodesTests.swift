import Foundation
import Testing
import EvidenceModel
import EvidenceStore
import EvidenceStoreTesting
import EvidenceTesting

/// Three `evidenced run` nodes on one PostgreSQL database, as docs/scale.md lays out several
/// machines: each node its own data folder, one shared inbox and content folder. Nodes are killed
/// with -9 at random moments and started again while they work through generated submissions; the
/// outcome must be exactly that of one node alone on SQLite.
///
/// 60 submissions and 10 kills in `swift test` (about a minute on the shared 2-core machine);
/// `make soak-nodes` runs a longer one. `EVIDENCED_NODES_SUBMISSIONS` and `EVIDENCED_NODES_KILLS`
/// set the sizes, `EVIDENCED_NODES_SEED` the kill moments.
@Suite(.serialized) struct ThreeNodesTests {
    /// The samples the submissions are copied from: one unit each and no evidence shared between
    /// units, so a check never sends another unit's submission back to be checked again (which
    /// would be a second check of one revision by design); one of them holds a scan, read by OCR.
    static let bases = ["bato-huyen-2024", "binhson-huyen-2024", "minhlong-huyen-2024-bo-sung", "lyson-huyen-2024"]

    static func setting(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? value
    }

    /// `count` submissions, copies of the bases under new ids (`bato-huyen-2024-n07`), each written
    /// beside the inbox and renamed into it whole, as the web service hands an upload over.
    static func makeSubmissions(count: Int, in inbox: URL) throws -> [String] {
        try (0..<count).map { index in
            let base = bases[index % bases.count]
            let id = "\(base)-n\(String(format: "%02d", index))"
            let staging = inbox.deletingLastPathComponent().appendingPathComponent(".staging-\(id)", isDirectory: true)
            try FileManager.default.copyItem(at: TestPaths.samples.appendingPathComponent("submissions/\(base)"), to: staging)
            let manifest = staging.appendingPathComponent("submission.json")
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
            object["submission"] = id
            try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: manifest)
            try FileManager.default.moveItem(at: staging, to: inbox.appendingPathComponent(id))
            return id
        }
    }

    /// What a consumer receives: every event pulled and acked, a page at a time, until none is left.
    static func consume(_ store: Store, consumer: String) throws -> [QueueEvent] {
        var events: [QueueEvent] = []
        while true {
            let page = try store.pullEvents(consumer: consumer, limit: 25)
            if page.isEmpty { return events }
            events += page
            var acks = QueueAcks()
            for event in page {
                switch event {
                case .flag(let flag): acks.flags.append(flag.id)
                case .decision(let decision): acks.decisions.append(decision.decision.id)
                case .score(let score): acks.scores.append(score.id)
                }
            }
            try store.ack(consumer: consumer, acks)
        }
    }

    /// The events as what they say, whatever their ids: flags by key, score changes by value.
    static func contents(_ events: [QueueEvent]) -> [String] {
        events.map { event in
            switch event {
            case .flag(let flag): "flag \(flag.submission) \(flag.claimIndex) \(flag.flag.reason) \(flag.flag.file ?? "")"
            case .decision(let decision): "decision \(decision.flag.submission) \(decision.decision.id)"
            case .score(let score): "score \(score.submission) \(score.claimed) \(score.accepted)"
            }
        }
    }

    /// How many times each submission (or document) was logged done, across every node's runs.
    static func counts(of message: String, key: String, in logs: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in logs.joined(separator: "\n").split(separator: "\n") where line.contains(message) {
            if let field = line.split(separator: " ").first(where: { $0.hasPrefix(key + "=") }) { counts[String(field), default: 0] += 1 }
        }
        return counts
    }

    @Test func threeNodesKilledAtRandomMomentsCheckEverySubmissionOnce() async throws {
        let count = Self.setting("EVIDENCED_NODES_SUBMISSIONS", default: 60)
        let kills = Self.setting("EVIDENCED_NODES_KILLS", default: 10)
        var random = SeededGenerator(seed: UInt64(Self.setting("EVIDENCED_NODES_SEED", default: 20261207)))
        let started = Date()

        // The reference: one node alone on SQLite, uninterrupted, on the same submissions.
        let referenceFolder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: referenceFolder) }
        let reference = try DaemonProcess(folder: referenceFolder)
        let ids = try Self.makeSubmissions(count: count, in: reference.inbox)
        try reference.start()
        defer { reference.signal(SIGKILL) }
        #expect(try await reference.waitUntilSettled(submissions: count, seconds: 900), "\(reference.logText.suffix(2000))")
        reference.signal(SIGTERM)
        #expect(await reference.waitForExit(seconds: 25))
        let expected = Self.contents(try Self.consume(reference.store, consumer: "scoring"))
        let referenceSeconds = Date().timeIntervalSince(started)

        let database = try TestPostgres.shared().makeDatabase()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = folder.appendingPathComponent("shared", isDirectory: true)
        let nodes = try ["node-1", "node-2", "node-3"].map { name in
            let node = try DaemonProcess(folder: folder, name: name, shared: shared)
            node.databaseURL = SeveralNodesTests.url(of: database)
            // A killed node's restart gives back what its dead predecessor held at once (same host,
            // pid gone), so the lease only has to outlast a heartbeat stalled by a loaded machine:
            // at 6 s one did, with the whole daemon suite running, and a result was dropped (rightly).
            // A worker each.
            node.environment = ["EVIDENCED_DAEMON_LEASE_SECONDS": "20", "EVIDENCED_DAEMON_HEARTBEAT_SECONDS": "1",
                                "EVIDENCED_WORKERS": "1"]
            return node
        }
        for node in nodes { try node.start() }
        defer { for node in nodes { node.signal(SIGKILL) } }
        let nodesStarted = Date()
        _ = try Self.makeSubmissions(count: count, in: nodes[0].inbox)

        // Kills at random moments while work remains, each node started again at once.
        let store = try Store(postgres: database)
        var survived = 0
        var killedHolding = 0
        while survived < kills, try !nodes[0].isSettled(submissions: count) {
            try await Task.sleep(for: .milliseconds(200 + random.int(2800)))
            let victim = nodes[random.int(nodes.count)]
            let pid = Int(victim.process.processIdentifier)
            if let held = try store.nodes().first(where: { $0.node.pid == pid }), held.documentLeases + held.submissionLeases > 0 {
                killedHolding += 1
            }
            victim.signal(SIGKILL)
            #expect(await victim.waitForExit(seconds: 10))
            try victim.start()
            survived += 1
        }

        #expect(try await nodes[0].waitUntilSettled(submissions: count, seconds: 900), "\(nodes.map { $0.logText.suffix(1500) })")
        let settledSeconds = Date().timeIntervalSince(nodesStarted)
        for node in nodes { node.signal(SIGTERM) }
        for node in nodes { #expect(await node.waitForExit(seconds: 25)) }

        // Every submission checked, at its first revision, and never twice.
        let submissions = try ids.map { try #require(try store.submission(id: $0)) }
        #expect(submissions.allSatisfy { $0.state == .checked && $0.revision == 1 })
        let logs = nodes.map(\.logText)
        let checked = Self.counts(of: "submission checked", key: "submission", in: logs)
        #expect(checked.values.allSatisfy { $0 == 1 }, "checked twice: \(checked.filter { $0.value > 1 })")
        let extracted = Self.counts(of: "document extracted", key: "sha256", in: logs)
        #expect(extracted.values.allSatisfy { $0 == 1 }, "extracted twice: \(extracted.filter { $0.value > 1 })")
        #expect(!logs.contains { $0.contains("lease passed to another node") })

        // The queue, as a consumer pulls it: the reference's events, each once.
        let events = try Self.consume(store, consumer: "scoring")
        let got = Self.contents(events)
        #expect(Set(events.map(\.ackID)).count == events.count, "an event was delivered twice")
        #expect(got.sorted() == expected.sorted(),
                "missing: \(Set(expected).subtracting(got).sorted()), extra: \(Set(got).subtracting(expected).sorted())")
        #expect(try store.pullEvents(consumer: "scoring").isEmpty)

        // Nothing left held, no node left behind, nothing refused.
        #expect(try store.heldLeases() == 0)
        // A node's row goes with it: a clean stop removes it, a restart on the same host removes
        // its dead predecessor's. Twice, under a loaded `make test`, one run's row stayed behind;
        // whatever stays must hold nothing and belong to a process that is gone. Its exit and its
        // log lines are printed to say why it stayed.
        let left = try store.nodes()
        #expect(left.allSatisfy { $0.documentLeases + $0.submissionLeases == 0 && kill(Int32($0.node.pid), 0) != 0 },
                "\(left)")
        for row in left {
            let pid = Int32(row.node.pid)
            let lines = logs.flatMap { $0.split(separator: "\n") }.filter { $0.contains(row.node.id) }
            print("node row left behind: \(row.node.id), \(nodes.compactMap { $0.exits[pid] }.first ?? "exit not seen"):\n"
                  + lines.suffix(40).joined(separator: "\n"))
        }
        for node in nodes {
            #expect(!FileManager.default.fileExists(atPath: node.data.appendingPathComponent("refused").path))
        }
        let files = Set(submissions.flatMap { $0.submission.claims.flatMap { $0.evidence.map(\.file) } })
        print("""
            three nodes: \(count) submissions (\(files.count) distinct files), \(survived) kills -9 survived \
            (\(killedHolding) of a node holding work), \(expected.count) queue events; settled in \(Int(settledSeconds)) s \
            on three nodes, \(Int(referenceSeconds)) s alone on SQLite
            """)
    }
}
