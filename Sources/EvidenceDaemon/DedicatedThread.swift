import Foundation

/// Blocking work (waiting for a worker's reply, `poll(2)` on inotify) runs on a thread of its
/// own: the Swift concurrency pool has one thread per core, and a few documents that take minutes
/// would otherwise starve every other task of the daemon, the shutdown included.
enum DedicatedThread {
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
