import Foundation

/// Runs page jobs on at most `workers` threads at once, each pulling the next page when done, so
/// only `workers` page images are in memory at a time however long the document is.
enum PageScheduler {
    static func run<Result: Sendable>(pages: [Int], workers: Int, job: @Sendable (Int) -> Result) -> [Int: Result] {
        guard !pages.isEmpty else { return [:] }
        let queue = JobQueue<Result>(pages: pages)
        DispatchQueue.concurrentPerform(iterations: min(max(1, workers), pages.count)) { _ in
            while let page = queue.next() { queue.finish(page, job(page)) }
        }
        return queue.results
    }
}

/// The shared cursor and results of one scheduler run.
private final class JobQueue<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let pages: [Int]
    private var cursor = 0
    private var finished: [Int: Result] = [:]

    init(pages: [Int]) { self.pages = pages }

    func next() -> Int? {
        lock.withLock {
            guard cursor < pages.count else { return nil }
            defer { cursor += 1 }
            return pages[cursor]
        }
    }

    func finish(_ page: Int, _ result: Result) { lock.withLock { finished[page] = result } }

    var results: [Int: Result] { lock.withLock { finished } }
}
