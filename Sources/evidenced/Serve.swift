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

    @OptionGroup var options: ServiceOptions
    @Option(help: "host:port to listen on (overrides web.listen).") var listen: String?

    func run() async throws {
        var settings = try options.configuration()
        if let listen { settings.web.listen = listen }
        guard settings.web.address != nil else { throw fail("--listen must be host:port, got '\(settings.web.listen)'") }
        let logger = options.startLogging(settings, label: "evidenced-web")
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
