import EvidenceStore
import EvidenceModel
import ArgumentParser
import EvidenceDaemon
import Foundation
import Logging
import EvidenceService

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: watch the inbox, extract, check and queue flags.",
        discussion: "With --once, process what the inbox holds, print the results and exit.")

    @Option(help: "Configuration file (default: /etc/evidenced/evidenced.toml when present).") var config: String?
    @Option(help: "Upload folder to watch (overrides the configuration).") var inbox: String?
    @Option(help: "Data directory; the store is <data>/evidenced.sqlite (overrides the configuration).") var data: String?
    @ArgumentParser.Flag(help: "Process what is in the inbox, then exit.") var once = false
    @ArgumentParser.Flag(help: "With --once, one JSON object per checked submission.") var json = false

    func run() async throws {
        let settings: Configuration
        do {
            settings = try Configuration.load(path: config, environment: ProcessInfo.processInfo.environment, inbox: inbox, data: data)
        } catch { throw fail("\(error)") }
        let level = settings.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "evidenced")
        for name in Configuration.unknownEnvironmentVariables(in: ProcessInfo.processInfo.environment) {
            logger.warning("unknown environment variable ignored", metadata: ["name": "\(name)"])
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let daemon: Daemon
        do { daemon = try Daemon(configuration: settings, executable: executable, logger: logger) } catch { throw fail("\(error)") }
        guard once else { return try await daemon.run() }
        let results = try await daemon.runOnce()
        for result in results { print(json ? CheckReport.jsonLine(.checked(result)) : CheckReport.text(.checked(result))) }
        if !json {
            let flags = results.reduce(0) { $0 + $1.flagCount }
            print("\(results.count) submission(s) checked, \(flags) flag(s) queued; store: \((try? settings.storeLocation())?.description ?? settings.databasePath)")
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Backlog by state, recent throughput, failures and queue depth.")
    @ArgumentParser.Flag(help: "As one JSON object.") var json = false
    @Option(help: "Queue consumer whose depth is shown.") var consumer = "scoring"
    @OptionGroup var store: StoreOptions

    func run() throws {
        do {
            guard let database = try store.store(mustExist: true) else { throw fail("no store yet (nothing processed)") }
            let retrying = RetryBook.read(try store.stateDirectory().appendingPathComponent(RetryBook.fileName))
            let report = try StatusReport.make(store: database, consumer: consumer, retrying: retrying)
            print(json ? JSONLines.encode(report) : report.text)
        } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
    }
}

struct Retry: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue a failed document (sha256 or its first 8+ digits) or submission again.")
    @Argument(help: "Submission id or document sha256.") var id: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        do {
            guard let database = try store.store(mustExist: true) else { throw fail("no store yet") }
            print("queued again: \(try database.retry(id: id))")
        } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
    }
}
