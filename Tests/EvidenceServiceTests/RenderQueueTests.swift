import EvidenceService
import Foundation
import Testing

/// The render queue in front of the review images: a few threads of its own, a bounded queue that
/// refuses at once when full, identical requests done once. Jobs are fakes that block on gates the
/// test opens; the test waits on events, never on time, so a loaded machine only makes it slower.
@Suite(.timeLimit(.minutes(2))) struct RenderQueueTests {
    /// Shut until opened; `wait` blocks the (queue) thread that calls it.
    final class Gate: @unchecked Sendable {
        private let condition = NSCondition()
        private var isOpen = false
        func wait() { condition.withLock { while !isOpen { condition.wait() } } }
        func open() { condition.withLock { isOpen = true; condition.broadcast() } }
    }

    /// What happened, in order: jobs starting and submissions answered.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []
        private var waiters: [(ready: @Sendable ([String]) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []

        func record(_ event: String) {
            let ready: [CheckedContinuation<Void, Never>] = lock.withLock {
                seen.append(event)
                let woken = waiters.filter { $0.ready(seen) }.map(\.continuation)
                waiters.removeAll { $0.ready(seen) }
                return woken
            }
            for continuation in ready { continuation.resume() }
        }

        var all: [String] { lock.withLock { seen } }

        /// Returns once `count` events so far begin with `prefix`.
        func wait(for count: Int, _ prefix: String) async {
            let ready: @Sendable ([String]) -> Bool = { $0.filter { $0.hasPrefix(prefix) }.count >= count }
            await withCheckedContinuation { continuation in
                let now: Bool = lock.withLock {
                    if ready(seen) { return true }
                    waiters.append((ready, continuation))
                    return false
                }
                if now { continuation.resume() }
            }
        }
    }

    /// The threads jobs ran on.
    static func threads(_ events: [String]) -> Set<Substring> {
        Set(events.filter { $0.hasPrefix("start") }.compactMap { $0.split(separator: " ").last })
    }

    static func submit(_ queue: RenderQueue<String, String>, _ key: String, events: Events, gate: Gate? = nil) {
        queue.submit(key, {
            events.record("start \(key) on \(pthread_self())")
            gate?.wait()
            return key.uppercased()
        }, done: { result in
            switch result {
            case .success(let value): events.record("done \(key) \(value)")
            case .failure(let full): events.record("full \(key) \(full.waiting)")
            }
        })
    }

    @Test func aFullQueueRefusesAtOnceAndIdenticalRequestsJoinTheJobInFlight() async {
        let queue = RenderQueue<String, String>(threads: 1, maxWaiting: 2, name: "render-test")
        let events = Events()
        let gate = Gate()
        Self.submit(queue, "a", events: events, gate: gate)
        await events.wait(for: 1, "start a")
        // 'a' holds the only thread; 'b' and 'c' fill the queue.
        Self.submit(queue, "b", events: events)
        Self.submit(queue, "c", events: events)
        #expect(queue.load.running == 1 && queue.load.waiting == 2)
        // 'd' is refused before submit returns, without waiting for anything.
        Self.submit(queue, "d", events: events)
        #expect(events.all.contains("full d 2"))
        // The same image as one waiting or running joins it: no place taken, no second job.
        Self.submit(queue, "b", events: events)
        Self.submit(queue, "a", events: events)
        #expect(!events.all.contains { $0.hasPrefix("full b") || $0.hasPrefix("full a") })
        #expect(queue.load.waiting == 2)

        gate.open()
        await events.wait(for: 5, "done")
        let all = events.all
        #expect(all.filter { $0 == "done a A" }.count == 2)
        #expect(all.filter { $0 == "done b B" }.count == 2)
        #expect(all.filter { $0 == "done c C" }.count == 1)
        #expect(all.filter { $0.hasPrefix("start b") }.count == 1, "b's work ran once for both requests")
        #expect(Self.threads(all).count == 1, "every job on the one thread: \(all)")
        #expect(!all.contains { $0.hasPrefix("done d") || $0.hasPrefix("start d") })
        // Once done, the key is free again: a new request is a new job.
        Self.submit(queue, "a", events: events)
        await events.wait(for: 3, "done a A")
        #expect(events.all.filter { $0.hasPrefix("start a") }.count == 2)
    }

    @Test func jobsRunSideBySideOnAFixedNumberOfThreads() async {
        let queue = RenderQueue<String, String>(threads: 2, maxWaiting: 8, name: "render-pair")
        let events = Events()
        let gate = Gate()
        Self.submit(queue, "x", events: events, gate: gate)
        Self.submit(queue, "y", events: events, gate: gate)
        // Both started while neither can finish: two at once.
        await events.wait(for: 2, "start")
        #expect(queue.load.running == 2 && queue.load.threads == 2)
        for key in ["p", "q", "r", "s", "t", "u"] { Self.submit(queue, key, events: events) }
        #expect(queue.load.waiting == 6 && queue.load.threads == 2, "waiting jobs start no thread past the two")
        gate.open()
        await events.wait(for: 8, "done")
        #expect(queue.load.threads == 2)
        #expect(Self.threads(events.all).count == 2, "eight jobs on the two threads: \(events.all)")
    }

    @Test func runAwaitsTheValueOrThrowsWhenFull() async throws {
        let queue = RenderQueue<String, Int>(threads: 1, maxWaiting: 1)
        #expect(try await queue.run("k") { 42 } == 42)
        // No room at all: every job is refused, none is run.
        let closed = RenderQueue<String, Int>(threads: 1, maxWaiting: 0)
        await #expect(throws: RenderQueueFull(waiting: 0)) { try await closed.run("k") { 1 } }
        #expect(closed.load.threads == 0)
    }
}

/// The web service's pool for requests' blocking calls: a burst queues on a fixed few threads.
@Suite(.timeLimit(.minutes(2))) struct FixedThreadPoolTests {
    @Test func aBurstQueuesOnTheFixedThreads() async {
        let pool = FixedThreadPool(threads: 2, name: "pool-test")
        let events = RenderQueueTests.Events()
        let gate = RenderQueueTests.Gate()
        let values = await withTaskGroup(of: Int.self) { group in
            for n in 0..<12 {
                group.addTask {
                    await pool.run {
                        events.record("start \(n) on \(pthread_self())")
                        gate.wait()
                        return n * n
                    }
                }
            }
            // Two jobs hold both threads; the other ten wait for them, starting no thread.
            await events.wait(for: 2, "start")
            #expect(pool.load.threads == 2)
            gate.open()
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.sorted() == (0..<12).map { $0 * $0 })
        #expect(RenderQueueTests.threads(events.all).count == 2, "\(events.all)")
        #expect(pool.load.threads == 2 && pool.load.waiting == 0)
    }
}
