package import EvidenceService
package import EvidenceStore
package import Foundation
package import Logging

extension Daemon {
    /// `evidenced run` as a service: a database server that is away at start (the machine booted
    /// before it, or it is restarting) is waited for, with a log line at each try and a delay that
    /// doubles up to `longestDelay`, rather than the daemon exiting and systemd restarting it in a
    /// loop. Only an unreachable server is waited for: a refused password, a missing database, a
    /// wrong URL or any other error is thrown at once (one line, exit status 2). systemd is told
    /// why the start takes long, and its start timeout is extended at each try.
    package static func start(configuration: Configuration, executable: URL, logger: Logger, role: DaemonRole,
                              longestDelay: Double = 30) async throws -> Daemon {
        let notifier = SystemdNotifier()
        var delay = 1.0
        while true {
            do {
                let daemon = try Daemon(configuration: configuration, executable: executable, logger: logger, role: role)
                if delay > 1 {
                    let location = (try? configuration.storeLocation())?.description ?? "the store"
                    logger.notice("store reached", metadata: ["store": "\(location)"])
                }
                return daemon
            } catch let error as PostgresStoreError where error.isUnreachable {
                logger.error("store unreachable; waiting for it", metadata: ["error": "\(error)", "retry in": "\(Int(delay)) s"])
                let extended = UInt64((delay + 30) * 1_000_000)
                notifier.notify(["STATUS=waiting for the store: \(error)", "EXTEND_TIMEOUT_USEC=\(extended)"])
                try await Task.sleep(for: .seconds(delay))
                delay = min(delay * 2, longestDelay)
            }
        }
    }
}
