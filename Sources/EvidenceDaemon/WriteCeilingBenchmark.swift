import EvidenceModel
package import EvidenceStore
import Foundation
import Synchronization

/// `make bench`: how many documents per second the store can hand out and take back when every
/// write is serialised (PostgreSQL's write lock, SQLite's single writer, and the pages' change
/// stamps, whose '*' row every write bumps). A document costs an extraction node two writes: the
/// claim (`takeQueuedDocuments`) and the save under the lease (`saveDocument`). `writers` threads,
/// as that many nodes would, claim and save small extracted documents for `seconds`; the figure is
/// the ceiling the serialised writes put on a whole deployment, to set beside what its OCR cores
/// can produce (a page takes a core several seconds).
package enum WriteCeilingBenchmark {
    package struct Round: Sendable {
        package var writers: Int
        package var documents: Int
        /// Claims that found every candidate taken by the other writers while documents waited.
        package var emptyClaims: Int
        package var seconds: Double
        package var documentsPerSecond: Double { Double(documents) / seconds }
    }

    /// A season's peak: documents arriving this many a minute (a province's 60,000 files in two
    /// weeks are a few a minute; a national evaluation's uploads, a hundred or two).
    package static let arrivalsPerMinute = 200

    /// Queues `documents` fresh documents (in one transaction, arrived `arrivalsPerMinute` a minute
    /// up to now), then runs one round per count of `writers`. Blocking.
    package static func rounds(on store: Store, writers counts: [Int], seconds: Double, documents: Int = 30_000) throws -> [Round] {
        // Keys as the content store names files: 64 hexadecimal figures, a random half and a count.
        let salt = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let now = Date()
        try store.enqueueDocuments((0..<documents).map { index in
            (salt + String(format: "%032x", index), 100_000, now.addingTimeInterval(-60 * Double(documents - index) / Double(arrivalsPerMinute)))
        })
        return try counts.map { try round(on: store, writers: $0, seconds: seconds) }
    }

    private static func round(on store: Store, writers: Int, seconds: Double) throws -> Round {
        let done = Atomic<Int>(0)
        let emptyClaims = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        let finished = DispatchGroup()
        for index in 0..<writers {
            finished.enter()
            Thread.detachNewThread {
                defer { finished.leave() }
                let lease = Lease(node: "bench-writer-\(index)", seconds: 600)
                do {
                    while Date() < deadline {
                        // Nothing claimed while documents wait: other writers took the candidates
                        // (counted, and tried again); the round ends early only on an empty queue.
                        guard let key = try store.takeQueuedDocuments(limit: 1, lease: lease).first else {
                            if try store.pendingDocuments(limit: 1).isEmpty { return }
                            emptyClaims.add(1, ordering: .relaxed)
                            continue
                        }
                        let page = PageText(page: 1, source: .ocr, confidence: 0.9, text: "ỦY BAN NHÂN DÂN\nQUYẾT ĐỊNH")
                        try store.saveDocument(ExtractedDocument(file: "bench.pdf", sha256: key, format: .pdf, pages: 1, perPage: [page]),
                                               fields: DocumentFields(type: "QD", typeName: "Quyết định"), lease: lease)
                        done.add(1, ordering: .relaxed)
                    }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) { throw error }
        return Round(writers: writers, documents: done.load(ordering: .relaxed), emptyClaims: emptyClaims.load(ordering: .relaxed),
                     seconds: Date().timeIntervalSince(start))
    }
}
