import EvidenceModel
import EvidenceStore
import Foundation
import Logging
import ServiceLifecycle

/// Tells systemd and the log how the daemon's life goes: READY=1 once the services run, and as
/// soon as a graceful shutdown begins, STOPPING=1 and 'stopping'. Listed last, it is told first.
struct LifecycleNotifierService: Service {
    let notifier: SystemdNotifier
    let readyStatus: String
    let logger: Logger

    func run() async throws {
        notifier.ready(status: readyStatus)
        // Throws only when cancelled: the group is going down without a graceful phase.
        try? await gracefulShutdown()
        notifier.stopping(status: "finishing the documents in flight")
        logger.info("stopping: no new work, finishing what is in flight")
    }
}

/// Takes complete uploads out of the inbox: on inotify events, and by rescanning at an interval
/// (only rescanning in polling mode). One node at a time, the one holding the intake lock; the
/// others stand by, trying the lock at each interval, and one of them takes over when the holder
/// stops or dies (its session ends and the database releases the lock).
struct IntakeService: Service {
    let pipeline: Pipeline
    let lock: any StoreSessionLock
    let inbox: URL
    let watcher: InotifyWatcher?
    let interval: Double
    let logger: Logger

    func run() async throws {
        var holding: Bool?
        var unavailable = false
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            // An outage is said once, not at every rescan.
            let answer = Self.acquire(lock, inbox: inbox, logger: logger, announce: holding != true, sayFailure: !unavailable)
            unavailable = answer == nil
            if answer == false, holding != false { logger.notice("another node takes the uploads; this one stands by") }
            // A store away says nothing of who holds the lock: the next answer is announced again.
            let held = answer ?? false
            holding = answer.map { _ in held }
            if held { pipeline.takeReadyUploads() }
            if let watcher, held {
                watcher.watchSubfolders()
                await watcher.wait(timeout: interval)
            } else {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval)) }
            }
        }
        lock.release()
        logger.info("intake stopped")
    }

    /// Tries the intake lock; on taking it, removes what an interrupted intake left in the inbox
    /// (safe now: no other node is taking uploads). Nil when the store cannot be reached: nothing
    /// is held, and uploads wait in the inbox.
    static func acquire(_ lock: any StoreSessionLock, inbox: URL, logger: Logger, announce: Bool = true,
                        sayFailure: Bool = true) -> Bool? {
        do {
            guard try lock.tryAcquire() else { return false }
        } catch {
            if sayFailure { logger.error("intake lock unavailable; will retry", metadata: ["error": "\(error)"]) }
            return nil
        }
        if announce {
            Intake.removeLeftovers(in: inbox)
            logger.info("intake lock held: this node takes the uploads")
        }
        return true
    }
}

/// Extracts queued documents, each in a worker process.
struct ExtractionService: Service {
    let pipeline: Pipeline
    let logger: Logger

    func run() async throws {
        var backOff = BackOff()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            // In-flight documents finish during a graceful shutdown; when cancelled they are handed back.
            // A store that fails (busy, locked, its disk full) never stops the daemon: logged, waited
            // out with a growing delay, tried again.
            var pause = Duration.milliseconds(250)
            do {
                if try await pipeline.extractQueued() > 0 { pause = .zero }
                backOff.reset()
            } catch {
                pause = backOff.next()
                logger.error("extraction pass failed; will retry", metadata: ["error": "\(error)", "in": "\(pause)"])
            }
            if pause > .zero { try? await cancelWhenGracefulShutdown { [pause] in try await Task.sleep(for: pause) } }
        }
        logger.info("extraction stopped")
    }
}

/// A delay that doubles with each failure in a row, from a quarter second up to a minute.
struct BackOff {
    private var failures = 0
    mutating func next() -> Duration {
        failures += 1
        return .milliseconds(250 * (1 << min(failures, 8)))
    }
    mutating func reset() { failures = 0 }
}

/// Checks submissions whose documents are all read, and queues their flags.
struct CheckService: Service {
    let pipeline: Pipeline
    let logger: Logger
    let onChecked: @Sendable (Int) -> Void

    func run() async throws {
        var backOff = BackOff()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let pause: Duration
            if checkReady() { backOff.reset(); pause = .milliseconds(250) } else { pause = backOff.next() }
            try? await cancelWhenGracefulShutdown { [pause] in try await Task.sleep(for: pause) }
        }
        // Extraction has stopped by now (it is stopped before this service): what it finished is
        // checked and queued before the daemon exits, instead of waiting for the next start.
        if !Task.isCancelled { checkReady() }
        logger.info("checks stopped")
    }

    /// A failed pass (the store unreachable for a moment) is logged and tried again at the next
    /// tick: the submissions it did not record stay ready.
    @discardableResult
    private func checkReady() -> Bool {
        do {
            let checked = try pipeline.checkReady()
            if !checked.isEmpty { onChecked(checked.count) }
            return true
        } catch {
            logger.error("check pass failed; will retry", metadata: ["error": "\(error)"])
            return false
        }
    }
}
