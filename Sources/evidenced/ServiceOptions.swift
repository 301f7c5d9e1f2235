import ArgumentParser
import EvidenceService
import Foundation
import Logging

/// The configuration and logging of the long-running commands (`run`, `serve`): one way to read
/// them, so the daemon and the web service always start from the same settings.
struct ServiceOptions: ParsableArguments {
    @Option(help: "Configuration file (default: /etc/evidenced/evidenced.toml when present).") var config: String?
    @Option(help: "The upload folder, the daemon's inbox (overrides the configuration).") var inbox: String?
    @Option(help: "Data directory; the store is <data>/evidenced.sqlite (overrides the configuration).") var data: String?

    /// The file, then `EVIDENCED_*` variables, then `--inbox` and `--data`; a bad value is a one-line error.
    func configuration() throws -> Configuration {
        do {
            return try Configuration.load(path: config, environment: ProcessInfo.processInfo.environment, inbox: inbox, data: data)
        } catch { throw fail("\(error)") }
    }

    /// Logs to standard error (journald takes it under systemd) from `settings.logLevel` up, once
    /// per process; unknown `EVIDENCED_*` variables are said, not silently ignored.
    func startLogging(_ settings: Configuration, label: String) -> Logger {
        let level = settings.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: label)
        for name in Configuration.unknownEnvironmentVariables(in: ProcessInfo.processInfo.environment) {
            logger.warning("unknown environment variable ignored", metadata: ["name": "\(name)"])
        }
        return logger
    }
}
