import Foundation
import EvidenceStore

/// The real `evidenced run` as a child process, for shutdown, kill and bad-input tests.
final class DaemonProcess {
    let inbox: URL
    let data: URL
    let log: URL
    private(set) var process = Process()
    /// How each run that `waitForExit` saw end ended, by pid: its exit code, or the signal's number
    /// when killed (as `Process.terminationReason` says).
    private(set) var exits: [Int32: String] = [:]

    /// `name`: its log's, for several daemons on one folder (one inbox, one data folder).
    init(folder: URL, name: String = "daemon") throws {
        inbox = folder.appendingPathComponent("inbox", isDirectory: true)
        data = folder.appendingPathComponent("data", isDirectory: true)
        log = folder.appendingPathComponent("\(name).log")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data().write(to: log)
    }

    /// A node of several machines as docs/scale.md lays them out: its own data folder (local
    /// state) under `folder/name`, the shared folder's inbox and content store (`<data>/objects`
    /// a link to `shared/objects`, as the NFS mount is mounted over it).
    init(folder: URL, name: String, shared: URL) throws {
        inbox = shared.appendingPathComponent("inbox", isDirectory: true)
        data = folder.appendingPathComponent(name, isDirectory: true).appendingPathComponent("data", isDirectory: true)
        log = folder.appendingPathComponent("\(name).log")
        let objects = shared.appendingPathComponent("objects", isDirectory: true)
        for directory in [inbox, data, objects] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("objects"), withDestinationURL: objects)
        try Data().write(to: log)
    }

    /// systemd's notify socket for the daemon, when a test listens as systemd would.
    var notifySocket: String?
    /// The store when it is not `<data>/evidenced.sqlite` (a PostgreSQL URL).
    var databaseURL: String?
    /// More `EVIDENCED_*` settings, and more arguments for `run`.
    var environment: [String: String] = [:]
    var arguments: [String] = []

    func start() throws {
        process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = ["run", "--inbox", inbox.path, "--data", data.path] + arguments
        process.currentDirectoryURL = TestPaths.root
        var environment = ProcessInfo.processInfo.environment
        environment["EVIDENCED_WATCH_STABILITY_DELAY_SECONDS"] = "0.3"
        environment["EVIDENCED_WORKERS"] = "2"
        environment["EVIDENCED_MODELS"] = TestPaths.models.path
        environment["EVIDENCED_LOG_LEVEL"] = "info"
        environment["NOTIFY_SOCKET"] = notifySocket
        environment["EVIDENCED_DATABASE_URL"] = databaseURL
        environment.merge(self.environment) { $1 }
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for exit up to `seconds`; true when it exited.
    func waitForExit(seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { return false }
        process.waitUntilExit()
        exits[process.processIdentifier] = "\(process.terminationReason == .exit ? "exit" : "signal") \(process.terminationStatus)"
        return true
    }

    var store: Store {
        get throws {
            try Store.open(StoreLocation(url: databaseURL ?? data.appendingPathComponent("evidenced.sqlite").path))
        }
    }

    /// Copies sample submission folders into the inbox.
    func drop(_ names: [String]) throws {
        for name in names {
            try FileManager.default.copyItem(at: TestPaths.samples.appendingPathComponent("submissions/\(name)"),
                                             to: inbox.appendingPathComponent(name))
        }
    }

    /// Polls until every submission is checked and nothing waits, or the deadline passes.
    func waitUntilSettled(submissions: Int, seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try isSettled(submissions: submissions) { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    /// Every submission checked, nothing waiting, the inbox empty: now.
    func isSettled(submissions: Int) throws -> Bool {
        guard databaseURL != nil || FileManager.default.fileExists(atPath: data.appendingPathComponent("evidenced.sqlite").path)
        else { return false }
        let backlog = try store.backlog()
        let inboxEmpty = ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter { !$0.hasPrefix(".") }.isEmpty
        return inboxEmpty && backlog.submissions[.checked] == submissions
            && (backlog.documents[.queued] ?? 0) + (backlog.documents[.extracting] ?? 0) == 0
            && (backlog.submissions[.queued] ?? 0) + (backlog.submissions[.extracting] ?? 0) == 0
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}
