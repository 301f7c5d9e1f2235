import EvidenceLoading
import UnixSignals
import EvidenceExtraction
package import EvidenceModel
package import EvidenceStore
import EvidenceVerification
package import Foundation
package import Logging
import ServiceLifecycle
package import EvidenceService

/// `evidenced run`: the store, the content store and the services of its role, in dependency order.
///
/// Each daemon is a node of the store: any number of them, on one machine or several, share the
/// work of one database, each claiming documents and submissions under a lease its heartbeat renews
/// (`Store+Claims.swift`), and one at a time taking uploads out of the inbox (the intake lock).
package struct Daemon: Sendable {
    package let configuration: Configuration
    package let pipeline: Pipeline
    package let role: DaemonRole
    /// This process in the store's `nodes`.
    package let node: NodeInfo
    /// The worker processes, ended and reaped when the daemon stops.
    private let workers: ProcessExtractor
    package let logger: Logger
    private let notifier = SystemdNotifier()
    /// Held by the one node that takes uploads; released when the daemon stops.
    private let intakeLock: any StoreSessionLock

    /// Opens the store, joins it as a node (first giving back what an earlier run of this machine,
    /// now gone, held) and composes the pipeline.
    package init(configuration: Configuration, executable: URL, logger: Logger, role: DaemonRole = .all) throws {
        self.configuration = configuration
        self.logger = logger
        self.role = role
        let data = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true)
        let inbox = URL(fileURLWithPath: configuration.inbox, isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let location = try configuration.storeLocation()
        let store = try Store.open(location)
        let node = NodeIdentity.make(configured: configuration.daemon.nodeID, role: role, leaseSeconds: configuration.daemon.leaseSeconds)
        self.node = node
        // Crash recovery: only this machine's own dead runs. Another machine's node is alive until
        // its leases expire, and then any node takes its work.
        // A run with this very pid is gone too: it is this process now (a container's pid 1).
        let resumed = try store.recoverEarlierRuns(of: node.id, host: node.host,
                                                   isRunning: { $0 != node.pid && NodeIdentity.isRunning($0) })
        try store.registerNode(node)
        intakeLock = store.intakeLock()
        logger.info("store open", metadata: ["store": "\(location)", "node": "\(node.id)", "role": "\(role.rawValue)",
                                             "resumed": "\(resumed)"])
        let contents = try ContentStore(root: configuration.contentDirectoryURL)
        let catalog = try FrameworkCatalog.load(directory: ModelsLocator.frameworks(configured: configuration.modelsDirectory))
        let options = configuration.extractionOptions
        // Documents run side by side and each worker OCRs its pages in parallel too: a long scan at
        // the end of a batch still uses every core (a little oversubscription costs less than idle cores).
        let concurrency = max(1, options.workers)
        let extractor = ProcessExtractor(executable: executable, options: options, memoryMB: configuration.limits.workerMemoryMegabytes,
                                         logger: logger)
        let scanner = InboxScanner(inbox: inbox, stabilityDelay: configuration.watch.stabilityDelaySeconds)
        let intake = Intake(store: store, contents: contents, loader: SubmissionLoader(catalog: catalog),
                            refused: data.appendingPathComponent("refused", isDirectory: true), logger: logger)
        workers = extractor
        pipeline = Pipeline(store: store, contents: contents, catalog: catalog, extractor: extractor,
                            scanner: scanner, intake: intake, concurrency: concurrency,
                            retries: RetryBook(file: try configuration.stateDirectory().appendingPathComponent(RetryBook.fileName)),
                            lease: node.lease, logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then stops taking work and finishes what is in flight within
    /// the configured grace period.
    package func run() async throws {
        let watch = configuration.watch
        let watcher = watch.polling || !role.takesUploads ? nil : InotifyWatcher(inbox: URL(fileURLWithPath: configuration.inbox))
        let interval = watch.polling ? watch.pollIntervalSeconds
            : min(watch.rescanIntervalSeconds, max(0.25, watch.stabilityDelaySeconds / 2))
        let notifier = self.notifier
        // service-lifecycle starts these in order and, on SIGTERM, stops them one at a time from the
        // last: the notifier says 'stopping' first, intake stops taking uploads, extraction finishes
        // what is in flight, then the checks record what it produced, and the heartbeat keeps this
        // node's leases until then.
        var services: [any Service] = [HeartbeatService(store: pipeline.store, node: node,
                                                        interval: configuration.daemon.heartbeatSeconds, logger: logger)]
        if role.checks {
            services.append(CheckService(pipeline: pipeline, logger: logger) { notifier.status("checked \($0) submission(s)") })
        }
        if role.extracts { services.append(ExtractionService(pipeline: pipeline, logger: logger)) }
        if role.takesUploads {
            services.append(IntakeService(pipeline: pipeline, lock: intakeLock, inbox: configuration.inboxURL, watcher: watcher, interval: interval, logger: logger))
        }
        services.append(LifecycleNotifierService(notifier: notifier, readyStatus: "\(role.rawValue): watching \(configuration.inbox)",
                                                 logger: logger))
        var group = ServiceGroupConfiguration(services: services.map { .init(service: $0) },
                                              gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(configuration.shutdownGraceSeconds)
        logger.info("watching", metadata: ["inbox": "\(configuration.inbox)", "mode": "\(watcher == nil ? "polling" : "inotify")",
                                           "role": "\(role.rawValue)", "node": "\(node.id)"])
        try await leaving { try await ServiceGroup(configuration: group).run() }
        logger.info("stopped")
    }

    /// Runs `body`, then leaves the store however it ended.
    private func leaving<Result>(_ body: () async throws -> Result) async throws -> Result {
        let result: Result
        do {
            result = try await body()
        } catch {
            await leave()
            throw error
        }
        await leave()
        return result
    }

    /// A clean stop: the workers are wound down, the intake lock is given up, and what this node
    /// still holds goes back to the store for the other nodes, with its row in `nodes`. Tried three
    /// times: a database busy for a moment must not leave the row behind (it would show a live node
    /// in `status` until its lease passed). On a thread of its own: these calls block.
    private func leave() async {
        let (workers, intakeLock, store, node, logger) = (workers, intakeLock, pipeline.store, node, logger)
        await DedicatedThread.run {
            workers.shutdown()
            intakeLock.release()
            for attempt in 1...3 {
                do {
                    let released = try store.removeNode(id: node.id)
                    logger.info("left the store", metadata: ["node": "\(node.id)", "released": "\(released)"])
                    return
                } catch where attempt < 3 {
                    logger.warning("could not leave the store; trying again", metadata: ["node": "\(node.id)", "error": "\(error)"])
                    Thread.sleep(forTimeInterval: 0.5 * Double(attempt))
                } catch {
                    // Its leases then expire, and its row shows it stale.
                    logger.error("could not leave the store", metadata: ["node": "\(node.id)", "error": "\(error)"])
                }
            }
        }
    }

    /// `--once`: takes what the inbox holds now (when this node holds the intake lock), extracts and
    /// checks it all, and returns the results. The heartbeat runs alongside, as in `run()`.
    package func runOnce() async throws -> [SubmissionResult] {
        try await leaving {
            let heartbeat = Task { [pipeline, node, configuration, logger] in
                var failing = false
                while !Task.isCancelled {
                    failing = await HeartbeatService.beat(store: pipeline.store, node: node, failing: failing, logger: logger)
                    try? await Task.sleep(for: .seconds(configuration.daemon.heartbeatSeconds))
                }
            }
            // Stopped and waited for before the node leaves: a beat still in flight after it left
            // would record the node again.
            do {
                let results = try await takeExtractAndCheck()
                heartbeat.cancel()
                await heartbeat.value
                return results
            } catch {
                heartbeat.cancel()
                await heartbeat.value
                throw error
            }
        }
    }

    private func takeExtractAndCheck() async throws -> [SubmissionResult] {
        if role.takesUploads {
            if IntakeService.acquire(intakeLock, inbox: configuration.inboxURL, logger: logger) == true {
                pipeline.takeReadyUploads(waitForStability: false)
            } else {
                logger.notice("another node takes the uploads; this run only extracts and checks what the store holds")
            }
        }
        var results: [SubmissionResult] = []
        repeat {
            results += try await extractCheckingAlongside()
            results += try pipeline.checkReady()
        } while try !pipeline.isIdle()
        return results
    }

    /// Extracts the queue while checking each submission as soon as its documents are read, as the
    /// services do: the checks leave the batch's critical path.
    private func extractCheckingAlongside() async throws -> [SubmissionResult] {
        let extracting = ExtractionFlag()
        return try await withThrowingTaskGroup(of: [SubmissionResult].self) { group in
            group.addTask { [pipeline] in
                defer { extracting.finish() }
                while try await pipeline.extractQueued() > 0 {}
                return []
            }
            group.addTask { [pipeline] in
                var results: [SubmissionResult] = []
                while extracting.isRunning {
                    try await Task.sleep(for: .milliseconds(200))
                    results += try pipeline.checkReady()
                }
                return results
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}

/// Whether the extraction half of `runOnce` is still going.
private final class ExtractionFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    var isRunning: Bool { lock.withLock { running } }
    func finish() { lock.withLock { running = false } }
}
