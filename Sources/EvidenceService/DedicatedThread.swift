import Foundation

/// Blocking work (waiting for a worker's reply, `poll(2)` on inotify) runs on threads of its own:
/// the Swift concurrency pool has one thread per core, and a few documents that take minutes
/// would otherwise starve every other task of the daemon, the shutdown included.
///
/// The threads live as long as the process. Worker processes are started from them, and Linux
/// sends a child's `PR_SET_PDEATHSIG` when the *thread* that forked it exits, not the process: a
/// thread per call would kill the long-lived workers it started the moment it returned.
package enum DedicatedThread {
    package static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            BlockingThreads.shared.submit { continuation.resume(returning: work()) }
        }
    }
}

/// Threads that never exit, created as blocking jobs need them and reused after: as many as jobs
/// have ever run at once (extractions in flight plus the inotify wait).
final class BlockingThreads: @unchecked Sendable {
    static let shared = BlockingThreads()

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    /// Threads waiting for a job (not holding one).
    private var waiting = 0

    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        jobs.append(job)
        if waiting >= jobs.count {
            condition.broadcast()
        } else {
            let thread = Thread { [self] in serve() }
            thread.name = "evidenced-blocking"
            thread.start()
        }
    }

    private func serve() {
        while true {
            condition.lock()
            waiting += 1
            while jobs.isEmpty { condition.wait() }
            waiting -= 1
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
