import Foundation
import Testing
import EvidenceModel
import EvidenceStore
import EvidenceStoreTesting

/// The database server away: down when the daemon starts, or restarted while it works. Each test
/// has a cluster of its own (the shared one stays up for the other tests).
@Suite(.serialized) struct DatabaseAwayTests {
    /// Polls the log until it holds `text`, the process still running; false at the deadline.
    static func waitForLog(_ daemon: DaemonProcess, _ text: String, seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, daemon.process.isRunning {
            if daemon.logText.contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return daemon.logText.contains(text)
    }

    /// The server started again: the daemon, which logs `line` once it is back, works through
    /// the submissions, stops cleanly on SIGTERM, and refused nothing.
    static func serverBack(_ cluster: TestPostgres, daemon: DaemonProcess, submissions: Int, saying line: String) async throws {
        try cluster.startServer()
        #expect(try await daemon.waitUntilSettled(submissions: submissions, seconds: 400), "\(daemon.logText.suffix(3000))")
        #expect(daemon.logText.contains(line))
        daemon.signal(SIGTERM)
        try #require(await daemon.waitForExit(seconds: 25), "\(daemon.logText.suffix(2000))")
        #expect(daemon.process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.data.appendingPathComponent("refused").path), "nothing refused")
    }

    /// The server down at start: a one-shot command fails with one line and exit status 2; the
    /// daemon waits for it with a log line and, once it is up, takes and checks what the inbox holds.
    @Test func theDaemonStartedBeforeTheDatabaseWaitsForIt() async throws {
        let cluster = try TestPostgres.ownCluster()
        let database = try cluster.makeDatabase()
        cluster.stopServer()

        let status = try StoreCopyCommandTests.evidenced(
            ["status", "--db", "postgres://\(cluster.user)@127.0.0.1:\(cluster.port)/\(database.database)"], password: cluster.password)
        #expect(status.status == 2)
        #expect(status.errors.hasPrefix("evidenced: cannot connect to postgres://evidenced@127.0.0.1:\(cluster.port)/"), "\(status.errors)")
        #expect(status.errors.split(separator: "\n").count == 1, "\(status.errors)")

        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(folder: folder)
        daemon.databaseURL = SeveralNodesTests.url(of: database)
        try daemon.start()
        defer { daemon.signal(SIGKILL) }
        #expect(await Self.waitForLog(daemon, "store unreachable; waiting for it", seconds: 120), "\(daemon.logText)")
        try daemon.drop(["minhlong-huyen-2024-bo-sung"])
        // A second try, so the back-off is seen growing; the daemon is still waiting, not exited.
        #expect(await Self.waitForLog(daemon, "retry in=2 s", seconds: 120), "\(daemon.logText)")
        #expect(daemon.process.isRunning)

        try await Self.serverBack(cluster, daemon: daemon, submissions: 1, saying: "store reached")
        #expect(!daemon.logText.contains(cluster.password), "the password is never logged")
    }

    /// The server restarted while the daemon reads a scan: every service logs the failure and
    /// retries; an upload that arrives meanwhile waits in the inbox; once the server is back the
    /// document in flight is saved (or read again), everything is checked, and the flags are those
    /// of an uninterrupted run: nothing lost, nothing refused, nothing queued twice.
    @Test func theDatabaseRestartedWhileTheDaemonWorksLosesNothing() async throws {
        let first = ["binhson-huyen-2024", "minhlong-huyen-2024-bo-sung"], during = "bato-huyen-2024-bo-sung"
        let expected = try await DaemonTests.uninterruptedRun(seconds: 400, of: first + [during])

        let cluster = try TestPostgres.ownCluster()
        let database = try cluster.makeDatabase()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(folder: folder)
        daemon.databaseURL = SeveralNodesTests.url(of: database)
        daemon.environment = ["EVIDENCED_DAEMON_LEASE_SECONDS": "6", "EVIDENCED_DAEMON_HEARTBEAT_SECONDS": "1"]
        try daemon.start()
        defer { daemon.signal(SIGKILL) }
        try daemon.drop(first)

        // Work in flight: a document held (the scan takes a while to read).
        let store = try Store(postgres: database)
        let deadline = Date().addingTimeInterval(300)
        var held = 0
        while Date() < deadline, held == 0 {
            held = (try? store.nodes().map(\.documentLeases).reduce(0, +)) ?? 0
            if held == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
        try #require(held > 0, "the daemon never held a document: \(daemon.logText.suffix(2000))")

        cluster.stopServer()
        try daemon.drop([during])
        // Each service met the outage and said it will retry; the daemon keeps running.
        for line in ["heartbeat failed; will retry", "intake lock unavailable; will retry"] {
            #expect(await Self.waitForLog(daemon, line, seconds: 120), "\(line): \(daemon.logText.suffix(3000))")
        }
        #expect(daemon.process.isRunning)
        try await Self.serverBack(cluster, daemon: daemon, submissions: 3, saying: "heartbeat recorded again")

        let ids = first + [during]
        let failures = try ids.flatMap { try store.documents(ofSubmission: $0).values.compactMap(\.failure) }
        #expect(!failures.contains { "\($0)".contains("PostgreSQL") || "\($0)".contains("connect") }, "\(failures)")
        #expect(try store.heldLeases() == 0 && store.nodes().isEmpty)
        let got = try DaemonTests.keys(store)
        #expect(Set(got).count == got.count, "a flag was queued twice")
        #expect(Set(got) == Set(expected), "missing: \(Set(expected).subtracting(got)), extra: \(Set(got).subtracting(expected))")
    }
}
