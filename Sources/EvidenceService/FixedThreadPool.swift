import Foundation

/// Short blocking calls (SQLite reads and writes, bcrypt, reading a small file) on a fixed number
/// of threads of their own, first come first served.
///
/// For work that arrives with requests, where `DedicatedThread` would not do: it starts a thread
/// for every job that finds none idle and keeps it for ever, so 200 requests at once leave 200
/// threads (and their stacks and malloc arenas) behind. Here a burst waits in the queue, which
/// costs a closure per job. The jobs must not wait on one another (a fixed pool would deadlock).
package final class FixedThreadPool: Sendable {
    private let state: State
    package let threads: Int

    package init(threads: Int, name: String) {
        self.threads = max(1, threads)
        state = State(threads: self.threads, name: name)
    }

    deinit { state.close() }

    package func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            state.submit { continuation.resume(returning: work()) }
        }
    }

    /// Jobs waiting for a thread, and the threads started so far.
    package var load: (waiting: Int, threads: Int) { state.load }

    private final class State: @unchecked Sendable {
        private let condition = NSCondition()
        private let maxThreads: Int
        private let name: String
        // Guarded by `condition`.
        private var jobs: [@Sendable () -> Void] = []
        private var head = 0
        private var started = 0
        private var idle = 0
        private var closed = false

        init(threads: Int, name: String) { maxThreads = threads; self.name = name }

        var load: (waiting: Int, threads: Int) { condition.withLock { (jobs.count - head, started) } }

        func submit(_ job: @escaping @Sendable () -> Void) {
            condition.withLock {
                jobs.append(job)
                if idle > 0 {
                    condition.signal()
                } else if started < maxThreads {
                    started += 1
                    let thread = Thread { [self] in serve() }
                    thread.name = name
                    thread.start()
                }
            }
        }

        func close() { condition.withLock { closed = true; condition.broadcast() } }

        private func serve() {
            while true {
                condition.lock()
                while head == jobs.count && !closed {
                    idle += 1
                    condition.wait()
                    idle -= 1
                }
                guard head < jobs.count else {
                    started -= 1
                    condition.unlock()
                    return
                }
                let job = jobs[head]
                head += 1
                if head == jobs.count {
                    jobs.removeAll(keepingCapacity: true); head = 0
                } else if head > 256, head * 2 > jobs.count {
                    jobs.removeFirst(head); head = 0
                }
                condition.unlock()
                job()
            }
        }
    }
}
