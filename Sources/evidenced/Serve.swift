import ArgumentParser
import EvidenceDaemon
import EvidenceService
import EvidenceWeb
import Foundation
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web service: pages for units, the HTTP API for programs (web.listen).",
        discussion: "Uploads are handed to the daemon through the inbox; run `evidenced run` beside it.")

    @Option(help: "Configuration file (default: /etc/evidenced/evidenced.toml when present).") var config: String?
    @Option(help: "host:port to listen on (overrides web.listen).") var listen: String?
    @Option(help: "The daemon's inbox (overrides the configuration).") var inbox: String?
    @Option(help: "Data directory shared with the daemon (overrides the configuration).") var data: String?

    func run() async throws {
        var settings: Configuration
        do {
            settings = try Configuration.load(path: config, environment: ProcessInfo.processInfo.environment, inbox: inbox, data: data)
        } catch { throw fail("\(error)") }
        if let listen { settings.web.listen = listen }
        guard settings.web.address != nil else { throw fail("--listen must be host:port, got '\(settings.web.listen)'") }
        let level = settings.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "evidenced-web")
        let host = settings.web.address?.host ?? "127.0.0.1"
        do {
            try await WebServer.serve(configuration: settings, logger: logger) { port in
                logger.notice("serving", metadata: ["url": "http://\(host):\(port)/"])
                // Type=notify in systemd/evidenced-web.service: started once it listens.
                _ = SystemdNotifier().ready(status: "serving on \(host):\(port)")
            }
        } catch { throw fail("\(error)") }
    }
}
