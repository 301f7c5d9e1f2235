import ArgumentParser
import EvidenceDaemon
import EvidenceModel
import EvidenceService
import EvidenceStore
import Foundation
import Logging

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: watch the inbox, extract, check and queue flags.",
        discussion: """
            With --once, process what the inbox holds, print the results and exit. Any number of daemons \
            may share one PostgreSQL store: each claims its work under a lease, and --role picks its services.
            """)

    @OptionGroup var options: ServiceOptions
    @ArgumentParser.Flag(help: "Process what is in the inbox, then exit.") var once = false
    @ArgumentParser.Flag(help: "With --once, one JSON object per checked submission.") var json = false
    @Option(help: "What this node does: all, intake (take uploads), extract (read documents) or check (check submissions).")
    var role = "all"

    func validate() throws {
        guard DaemonRole(rawValue: role) != nil else {
            throw ValidationError("--role must be one of \(DaemonRole.allCases.map(\.rawValue).joined(separator: ", ")), got '\(role)'")
        }
    }

    func run() async throws {
        let settings = try options.configuration()
        let logger = options.startLogging(settings, label: "evidenced")
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let role = DaemonRole(rawValue: role) ?? .all
        let daemon: Daemon
        do {
            // A one-shot run fails at once when the store is away; the service waits for it.
            daemon = once ? try Daemon(configuration: settings, executable: executable, logger: logger, role: role)
                : try await Daemon.start(configuration: settings, executable: executable, logger: logger, role: role)
        } catch { throw fail("\(error)") }
        guard once else { return try await daemon.run() }
        let results = try await daemon.runOnce()
        for result in results { print(json ? CheckReport.jsonLine(.checked(result)) : CheckReport.text(.checked(result))) }
        if !json {
            let flags = results.reduce(0) { $0 + $1.flagCount }
            print("\(results.count) submission(s) checked, \(flags) flag(s) queued; store: \((try? settings.storeLocation())?.description ?? settings.databasePath)")
        }
    }
}
