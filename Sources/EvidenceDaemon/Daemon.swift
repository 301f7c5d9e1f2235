import EvidenceLoading
import UnixSignals
import EvidenceExtraction
package import EvidenceModel
import EvidenceStore
import EvidenceVerification
package import Foundation
package import Logging
import ServiceLifecycle
package import EvidenceService

/// `evidenced run`: the store, the content store and the three services, in dependency order.
package struct Daemon: Sendable {
    package let configuration: Configuration
    package let pipeline: Pipeline
    /// The worker processes, ended and reaped when the daemon stops.
    private let workers: ProcessExtractor
    package let logger: Logger
    private let notifier = SystemdNotifier()

    /// Opens the store (crash recovery first) and composes the pipeline.
    package init(configuration: Configuration, executable: URL, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let data = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true)
        let inbox = URL(fileURLWithPath: configuration.inbox, isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        Intake.removeLeftovers(in: inbox)
        let location = try configuration.storeLocation()
        let store = try Store.open(location)
        let resumed = try store.resumeAfterCrash()
        logger.info("store open", metadata: ["store": "\(location)", "resumed": "\(resumed)"])
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
                            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then stops taking work and finishes what is in flight within
    /// the configured grace period.
    package func run() async throws {
        defer { workers.shutdown() }
        let watch = configuration.watch
        let watcher = watch.polling ? nil : InotifyWatcher(inbox: URL(fileURLWithPath: configuration.inbox))
        let interval = watch.polling ? watch.pollIntervalSeconds
            : min(watch.rescanIntervalSeconds, max(0.25, watch.stabilityDelaySeconds / 2))
        let notifier = self.notifier
        // service-lifecycle starts these in order and, on SIGTERM, stops them one at a time from the
        // last: the notifier says 'stopping' first, intake stops taking uploads, extraction finishes
        // what is in flight, then the checks record what it produced.
        let services: [any Service] = [
            CheckService(pipeline: pipeline, logger: logger) { notifier.status("checked \($0) submission(s)") },
            ExtractionService(pipeline: pipeline, logger: logger),
            IntakeService(pipeline: pipeline, watcher: watcher, interval: interval, logger: logger),
            LifecycleNotifierService(notifier: notifier, readyStatus: "watching \(configuration.inbox)", logger: logger),
        ]
        var group = ServiceGroupConfiguration(services: services.map { .init(service: $0) },
                                              gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(configuration.shutdownGraceSeconds)
        logger.info("watching", metadata: ["inbox": "\(configuration.inbox)", "mode": "\(watcher == nil ? "polling" : "inotify")"])
        try await ServiceGroup(configuration: group).run()
        logger.info("stopped")
    }

    /// `--once`: takes what the inbox holds now, extracts and checks it all, and returns the results.
    package func runOnce() async throws -> [SubmissionResult] {
        defer { workers.shutdown() }
        pipeline.takeReadyUploads(waitForStability: false)
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
