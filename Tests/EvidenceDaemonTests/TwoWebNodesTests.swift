import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import EvidenceStore
import EvidenceStoreTesting

/// Two `evidenced serve` processes on one PostgreSQL database, as two web machines behind nginx: a
/// decision made through one is seen through the other, and a consumer pulling through either
/// receives it once.
@Suite struct TwoWebNodesTests {
    /// `evidenced` with the store at `url`; what it printed, once it exited 0.
    static func evidenced(_ arguments: [String], url: String) throws -> String {
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.root
        var environment = ProcessInfo.processInfo.environment
        environment["EVIDENCED_DATABASE_URL"] = url
        environment["EVIDENCED_MODELS"] = TestPaths.models.path
        environment["EVIDENCED_CONFIG"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "evidenced \(arguments.joined(separator: " ")): \(text)")
        return text
    }

    /// The secret `users add` or `users token` printed.
    static func secret(_ printed: String) throws -> String {
        try #require(printed.components(separatedBy: "(shown once): ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A web node: `evidenced serve` on a free port, its own data folder, the shared inbox.
    final class WebNode {
        let process = Process()
        let log: URL
        private(set) var port = 0

        init(folder: URL, name: String, inbox: URL, url: String) throws {
            let data = folder.appendingPathComponent(name, isDirectory: true)
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            log = folder.appendingPathComponent("\(name).log")
            try Data().write(to: log)
            process.executableURL = TestPaths.executable
            process.arguments = ["serve", "--inbox", inbox.path, "--data", data.path, "--listen", "127.0.0.1:0"]
            process.currentDirectoryURL = TestPaths.root
            var environment = ProcessInfo.processInfo.environment
            environment["EVIDENCED_DATABASE_URL"] = url
            environment["EVIDENCED_MODELS"] = TestPaths.models.path
            environment["EVIDENCED_LOG_LEVEL"] = "info"
            process.environment = environment
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
        }

        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        /// Started, and listening (its port read from its log).
        func start() async throws {
            try process.run()
            // Only a guard against a hang: under a loaded `make test` one took two minutes to listen.
            let deadline = Date().addingTimeInterval(600)
            repeat {
                if let range = logText.range(of: #"http://127\.0\.0\.1:([1-9][0-9]*)/"#, options: .regularExpression) {
                    port = Int(logText[range].dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
                    return
                }
                guard process.isRunning, Date() < deadline else { break }
                try await Task.sleep(for: .milliseconds(100))
            } while true
            Issue.record("evidenced serve did not start: \(logText)")
            throw CancellationError()
        }

        /// A JSON request with an API token; the status and the decoded body.
        func request(_ method: String, _ path: String, token: String, body: [String: Any]? = nil) async throws -> (Int, Any) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if let body {
                request.httpBody = try JSONSerialization.data(withJSONObject: body)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            request.timeoutInterval = 60
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return (status, (try? JSONSerialization.jsonObject(with: data)) ?? String(decoding: data, as: UTF8.self))
        }
    }

    @Test func aDecisionMadeOnOneWebNodeIsSeenOnTheOtherAndQueuedOnce() async throws {
        let url = try SeveralNodesTests.newDatabase()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("inbox", isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        // Flags to decide on: a sample without scans, checked by a one-shot daemon on the database.
        try FileManager.default.copyItem(at: TestPaths.samples.appendingPathComponent("submissions/sontay-huyen-2024"),
                                         to: inbox.appendingPathComponent("sontay-huyen-2024"))
        _ = try Self.evidenced(["run", "--once", "--inbox", inbox.path, "--data", folder.appendingPathComponent("daemon").path], url: url)
        _ = try Self.evidenced(["users", "add", "council", "--role", "admin"], url: url)
        let council = try Self.secret(try Self.evidenced(["users", "token", "council"], url: url))
        let scoring = try Self.secret(try Self.evidenced(["users", "add", "scoring", "--role", "consumer"], url: url))

        let webs = try ["web-1", "web-2"].map { try WebNode(folder: folder, name: $0, inbox: inbox, url: url) }
        defer { for web in webs where web.process.isRunning { web.process.terminate() } }
        for web in webs { try await web.start() }
        let (one, two) = (webs[0], webs[1])

        let (listed, flags) = try await one.request("GET", "/api/v1/flags", token: council)
        #expect(listed == 200)
        let flag = try #require((flags as? [[String: Any]])?.first?["id"] as? Int, "no flag to decide: \(flags)")
        // The consumer has seen the flags (through the other node) before the decision is made.
        let (pulled, before) = try await two.request("GET", "/api/v1/queue?limit=1000", token: scoring)
        #expect(pulled == 200)
        let flagIds = ((before as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
        #expect(flagIds.contains(flag))
        let (acked, _) = try await one.request("POST", "/api/v1/queue/ack", token: scoring, body: ["ids": flagIds])
        #expect(acked == 200)

        let (created, decision) = try await one.request("POST", "/api/v1/flags/\(flag)/decisions", token: council,
                                                        body: ["action": "dismiss", "comment": "the original was shown on site"])
        #expect(created == 201, "\(decision)")
        let decisionId = try #require((decision as? [String: Any])?["id"] as? Int, "\(decision)")

        // Seen through the other node at once: the decisions of the flag, and its queue.
        let (read, decisions) = try await two.request("GET", "/api/v1/flags/\(flag)/decisions", token: council)
        #expect(read == 200)
        #expect(((decisions as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int } == [decisionId], "\(decisions)")
        for web in webs {
            let (_, events) = try await web.request("GET", "/api/v1/queue?limit=1000", token: scoring)
            let delivered = ((events as? [[String: Any]]) ?? []).filter { $0["event"] as? String == "decision" }
            #expect(delivered.count == 1 && delivered.first?["ack"] as? String == "d\(decisionId)", "\(events)")
        }
        // Acked through one node, gone from both: delivered once.
        let (ackedDecision, _) = try await two.request("POST", "/api/v1/queue/ack", token: scoring, body: ["decisions": [decisionId]])
        #expect(ackedDecision == 200)
        for web in webs {
            let (_, events) = try await web.request("GET", "/api/v1/queue?limit=1000", token: scoring)
            #expect((events as? [Any])?.isEmpty == true, "\(events)")
        }
    }
}
