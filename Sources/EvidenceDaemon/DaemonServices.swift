import Foundation
import Logging
import ServiceLifecycle

/// Takes complete uploads out of the inbox: on inotify events, and by rescanning at an interval
/// (only rescanning in polling mode).
struct IntakeService: Service {
    let pipeline: Pipeline
    let watcher: InotifyWatcher?
    let interval: Double

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            pipeline.takeReadyUploads()
            if let watcher {
                watcher.watchSubfolders()
                await watcher.wait(timeout: interval)
            } else {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval)) }
            }
        }
    }
}

/// Extracts queued documents, each in a worker process.
struct ExtractionService: Service {
    let pipeline: Pipeline

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            // In-flight documents finish during a graceful shutdown; when cancelled they are handed back.
            if try await pipeline.extractQueued() == 0 {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(250)) }
            }
        }
    }
}

/// Checks submissions whose documents are all read, and queues their flags.
struct CheckService: Service {
    let pipeline: Pipeline
    let onChecked: @Sendable (Int) -> Void

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let checked = try pipeline.checkReady()
            if !checked.isEmpty { onChecked(checked.count) }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(250)) }
        }
    }
}
