import EvidenceService
import EvidenceStore
import Logging
import ServiceLifecycle

/// Says the node is alive and renews its leases every `interval`. First in the daemon's service
/// list, so it is stopped last: the documents extraction finishes during a graceful stop stay
/// this node's until they are saved.
struct HeartbeatService: Service {
    let store: Store
    let node: NodeInfo
    let interval: Double
    let logger: Logger

    func run() async throws {
        var failing = false
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            failing = await Self.beat(store: store, node: node, failing: failing, logger: logger)
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: .seconds(interval)) }
        }
        logger.info("heartbeat stopped", metadata: ["node": "\(node.id)"])
    }

    /// One heartbeat; returns whether it failed. A store that is away for a moment only delays the
    /// renewal; a node away longer than its lease loses its work to another node, and its own
    /// results are then refused. On a thread of its own: a busy concurrency pool must not make the
    /// node look dead.
    static func beat(store: Store, node: NodeInfo, failing: Bool, logger: Logger) async -> Bool {
        let beat = await DedicatedThread.run { Result { try store.heartbeat(node) } }
        do {
            _ = try beat.get()
            if failing { logger.notice("heartbeat recorded again", metadata: ["node": "\(node.id)"]) }
            return false
        } catch {
            logger.error("heartbeat failed; will retry", metadata: ["node": "\(node.id)", "error": "\(error)"])
            return true
        }
    }
}
