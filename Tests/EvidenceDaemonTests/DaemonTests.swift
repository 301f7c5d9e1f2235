import Foundation
import Testing
import EvidenceModel
import EvidenceStore
import EvidenceTesting
@testable import EvidenceDaemon

/// The daemon as an operator runs it: graceful shutdown, kill -9 at random moments, bad uploads.
@Suite(.serialized) struct DaemonTests {
    static let samples = ["bato-huyen-2024", "sonha-huyen-2024", "sontay-huyen-2024", "trabong-huyen-2024"]

    /// What a flag is, whatever its id: the queue must hold each exactly once.
    struct FlagKey: Hashable { var submission: String; var claim: Int; var reason: FlagReason; var file: String? }

    static func keys(_ store: Store) throws -> [FlagKey] {
        try store.list().map { FlagKey(submission: $0.submission, claim: $0.claimIndex, reason: $0.flag.reason, file: $0.flag.file) }
    }

    @Test func processesTheInboxThenStopsGracefullyOnSIGTERM() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(folder: folder)
        let systemd = try NotifyListener(path: folder.appendingPathComponent("notify").path)
        daemon.notifySocket = systemd.path
        try daemon.drop(Self.samples)
        try daemon.start()
        // Generous: on a loaded 2-core machine OCR of the four samples alone has taken over 2 minutes.
        #expect(try await daemon.waitUntilSettled(submissions: 4, seconds: 300), "\(daemon.logText)")
        let flags = try Self.keys(daemon.store)
        #expect(!flags.isEmpty)
        #expect(Set(flags).count == flags.count, "no flag queued twice")
        #expect(systemd.drain().first?.hasPrefix("READY=1") == true)
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(seconds: 25), "stops within the grace period")
        #expect(daemon.process.terminationReason == .exit && daemon.process.terminationStatus == 0)
        #expect(systemd.drain().contains { $0.hasPrefix("STOPPING=1") }, "systemd is told the daemon is stopping")
        // The order the README promises: told first, intake first, checks last.
        let log = daemon.logText
        let positions = ["stopping:", "intake stopped", "extraction stopped", "checks stopped"].map { log.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(log)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(log)")
        #expect(log.hasSuffix("stopped\n") || log.contains("] stopped") || log.contains(" stopped"), "\(log)")
        #expect(Self.workers(of: daemon.process.processIdentifier).isEmpty, "its workers exited and were reaped")
    }

    /// The reference: the flags of one uninterrupted run over the samples, alone on SQLite.
    static func uninterruptedRun(seconds: Double, of names: [String] = samples) async throws -> [FlagKey] {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try DaemonProcess(folder: folder)
        try reference.drop(names)
        try reference.start()
        #expect(try await reference.waitUntilSettled(submissions: names.count, seconds: seconds), "\(reference.logText.suffix(2000))")
        reference.signal(SIGTERM)
        _ = await reference.waitForExit(seconds: 25)
        return try keys(reference.store)
    }

    /// Live `evidenced worker` processes started by the daemon `pid` (their command line names it).
    static func workers(of pid: Int32) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { entry -> String? in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let arguments = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard arguments.contains("worker"), let at = arguments.firstIndex(of: "--parent"),
                  arguments.indices.contains(at + 1), arguments[at + 1] == String(pid) else { return nil }
            return entry
        }
    }

    @Test func killedAtRandomMomentsItProcessesEverySubmissionExactlyOnce() async throws {
        let expected = try await Self.uninterruptedRun(seconds: 120)

        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(folder: folder)
        try daemon.drop(Self.samples)
        var generator = SeededGenerator(seed: 20241027)
        for round in 0..<6 {
            try daemon.start()
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...1200, using: &generator)))
            daemon.signal(SIGKILL)
            #expect(await daemon.waitForExit(seconds: 10), "round \(round)")
        }
        try daemon.start()
        #expect(try await daemon.waitUntilSettled(submissions: 4, seconds: 180), "\(daemon.logText.suffix(2000))")
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(seconds: 25)

        let got = try Self.keys(daemon.store)
        #expect(Set(got).count == got.count, "a flag was queued twice")
        #expect(Set(got) == Set(expected), "missing: \(Set(expected).subtracting(got)), extra: \(Set(got).subtracting(expected))")
        let ids = try daemon.store.list().map(\.id)
        #expect(ids == ids.sorted(), "queue order is the id order")
    }

    @Test func badUploadsAreRefusedWithAReasonAndGoodOnesStillProcessed() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(folder: folder)
        let inbox = daemon.inbox
        func manifest(_ name: String, _ text: String) throws {
            let dir = inbox.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try text.write(to: dir.appendingPathComponent("submission.json"), atomically: true, encoding: .utf8)
        }
        try manifest("malformed", #"{"submission": "x", "claims": [ "#)
        try manifest("escaping", #"{"submission": "esc", "unit": {"code": "H-X", "name": "ỦY BAN NHÂN DÂN HUYỆN X", "level": "district"}, "framework": "thanhhoa-dti-district-2021", "period": {"from": "2024-01-01", "to": "2024-12-31"}, "claims": [{"indicator": "2.1.2", "score": 1, "evidence": [{"file": "../../etc/passwd"}]}]}"#)
        try manifest("unknown-framework", #"{"submission": "uf", "unit": {"code": "H-X", "name": "X", "level": "district"}, "framework": "nope", "period": {"from": "2024-01-01", "to": "2024-12-31"}, "claims": []}"#)
        // A good manifest whose evidence is broken: processed, with its files failed as unreadable.
        try manifest("broken-files", #"{"submission": "broken", "unit": {"code": "H-Y", "name": "ỦY BAN NHÂN DÂN HUYỆN Y", "level": "district"}, "framework": "thanhhoa-dti-district-2021", "period": {"from": "2024-01-01", "to": "2024-12-31"}, "claims": [{"indicator": "2.1.2", "score": 1, "evidence": [{"file": "empty.pdf"}, {"file": "garbage.pdf"}, {"file": "encrypted.pdf"}]}]}"#)
        let broken = inbox.appendingPathComponent("broken-files")
        try Data().write(to: broken.appendingPathComponent("empty.pdf"))
        try Data("%PDF-1.4\n\u{1}\u{2}garbage".utf8).write(to: broken.appendingPathComponent("garbage.pdf"))
        let good = TestPaths.samples.appendingPathComponent("born-digital-bb-08.pdf").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["qpdf", "--encrypt", "u", "o", "256", "--", good, broken.appendingPathComponent("encrypted.pdf").path]
        try process.run(); process.waitUntilExit()
        try daemon.drop(["trabong-huyen-2024"])
        try daemon.start()
        #expect(try await daemon.waitUntilSettled(submissions: 2, seconds: 120), "\(daemon.logText.suffix(2000))")
        #expect(daemon.process.isRunning, "the daemon stays up")
        let refused = try FileManager.default.contentsOfDirectory(atPath: daemon.data.appendingPathComponent("refused").path)
        #expect(refused.count == 3)
        for name in refused {
            let reason = try String(contentsOf: daemon.data.appendingPathComponent("refused/\(name)/REFUSED.txt"), encoding: .utf8)
            #expect(!reason.isEmpty)
        }
        let store = try daemon.store
        let failures = try store.failures()
        #expect(Set(failures.compactMap(\.code)).isSuperset(of: ["empty-file", "corrupt-pdf", "encrypted-pdf"]))
        #expect(try store.list(submission: "broken").filter { $0.flag.reason == .unreadable }.count == 3)
        #expect(try store.list(submission: "trabong-huyen-2024").isEmpty, "the clean submission stays clean")
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(seconds: 25)
    }
}
