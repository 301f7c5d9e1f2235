import CProcessControl
import Foundation

/// The queue in front of a `RenderQueue` is full: the caller should come back later (HTTP 503
/// with Retry-After), not wait.
package struct RenderQueueFull: Error, Hashable, Sendable {
    /// Jobs that were waiting for a thread when this one was refused.
    package let waiting: Int

    package init(waiting: Int) { self.waiting = waiting }
}

/// Blocking work (review images: poppler, cairo, PNG encoding; up to seconds each) on a fixed
/// number of threads of its own, behind a bounded queue, with identical requests done once.
///
/// - Never the Swift concurrency pool: a render blocks its thread, and the pool has one per core.
/// - Never `DedicatedThread`: its threads grow with the jobs in flight and never exit, so a flood
///   of slow jobs would leave hundreds of threads and their memory behind.
/// - At most `maxWaiting` jobs wait for a thread; past that `run` refuses at once, so a flood costs
///   a short answer, not a thread, memory and a minute's wait for everyone behind it.
/// - A job asked for while one with the same key is waiting or running joins it: it takes no place
///   in the queue and the work runs once for all of them.
///
/// Threads are started as jobs first need them, up to `threads`, then kept; they end when the
/// queue is released and nothing is left to do.
package final class RenderQueue<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let state: State
    package let threads: Int
    package let maxWaiting: Int

    /// `niceness`: how much lower than the rest of the process the threads run (0 to 19). Renders
    /// are the bulk of the CPU work of the process serving them: niced, they take what the threads
    /// answering other requests leave, so a burst of them slows images, not every page.
    package init(threads: Int, maxWaiting: Int, name: String = "evidenced-render", niceness: Int32 = 0) {
        self.threads = max(1, threads); self.maxWaiting = max(0, maxWaiting)
        state = State(threads: self.threads, maxWaiting: self.maxWaiting, name: name, niceness: min(19, max(0, niceness)))
    }

    deinit { state.close() }

    /// `work`'s value, run on one of the queue's threads (or the value of the job with the same
    /// key already waiting or running). Throws at once when the queue is full.
    package func run(_ key: Key, _ work: @escaping @Sendable () -> Value) async throws(RenderQueueFull) -> Value {
        let outcome: Result<Value, RenderQueueFull> = await withCheckedContinuation { continuation in
            submit(key, work) { continuation.resume(returning: $0) }
        }
        return try outcome.get()
    }

    /// The same without async: `done` is called exactly once, on a queue thread with the value, or
    /// before `submit` returns when the queue is full.
    package func submit(_ key: Key, _ work: @escaping @Sendable () -> Value,
                        done: @escaping @Sendable (Result<Value, RenderQueueFull>) -> Void) {
        if let refused = state.submit(key, work, done) { done(.failure(refused)) }
    }

    /// Jobs running and waiting now, and the threads started so far.
    package var load: (running: Int, waiting: Int, threads: Int) { state.load }

    private final class State: @unchecked Sendable {
        typealias Done = @Sendable (Result<Value, RenderQueueFull>) -> Void

        private struct Job {
            var work: @Sendable () -> Value
            var waiters: [Done]
        }

        private let condition = NSCondition()
        private let maxThreads: Int
        private let maxWaiting: Int
        private let name: String
        private let niceness: Int32
        // Guarded by `condition`.
        private var jobs: [Key: Job] = [:]
        /// Keys of the jobs not started yet, oldest first (from `head`).
        private var pending: [Key] = []
        private var head = 0
        private var started = 0
        private var idle = 0
        private var running = 0
        private var closed = false

        init(threads: Int, maxWaiting: Int, name: String, niceness: Int32) {
            maxThreads = threads; self.maxWaiting = maxWaiting; self.name = name; self.niceness = niceness
        }

        var waiting: Int { pending.count - head }

        var load: (running: Int, waiting: Int, threads: Int) { condition.withLock { (running, waiting, started) } }

        /// Nil when taken (queued or joined), else why not.
        func submit(_ key: Key, _ work: @escaping @Sendable () -> Value, _ done: @escaping Done) -> RenderQueueFull? {
            condition.lock()
            defer { condition.unlock() }
            if jobs[key] != nil {
                jobs[key]?.waiters.append(done)
                return nil
            }
            guard waiting < maxWaiting else { return RenderQueueFull(waiting: waiting) }
            jobs[key] = Job(work: work, waiters: [done])
            pending.append(key)
            if idle > 0 {
                condition.signal()
            } else if started < maxThreads {
                started += 1
                let thread = Thread { [self] in serve() }
                thread.name = name
                thread.start()
            }
            return nil
        }

        func close() { condition.withLock { closed = true; condition.broadcast() } }

        private func serve() {
            // Best effort: without the permission the thread keeps the process's priority.
            if niceness > 0 { _ = evidenced_lower_thread_priority(niceness) }
            while true {
                condition.lock()
                while waiting == 0 && !closed {
                    idle += 1
                    condition.wait()
                    idle -= 1
                }
                guard waiting > 0 else {
                    started -= 1
                    condition.unlock()
                    return
                }
                let key = pending[head]
                head += 1
                if head > 256, head * 2 > pending.count { pending.removeFirst(head); head = 0 }
                guard let work = jobs[key]?.work else { condition.unlock(); continue }
                running += 1
                condition.unlock()

                let value = work()

                // Waiters that joined while it ran are answered too; one arriving after this
                // starts a new job (by then the value is usually cached).
                let waiters: [Done] = condition.withLock {
                    running -= 1
                    return jobs.removeValue(forKey: key)?.waiters ?? []
                }
                for done in waiters { done(.success(value)) }
            }
        }
    }
}
