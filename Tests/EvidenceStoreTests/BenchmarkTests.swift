import EvidenceModel
import EvidenceStoreTesting
import Foundation
import Testing
@testable import EvidenceStore

/// Store throughput on a file database and on PostgreSQL (the test cluster: loopback, fsync off),
/// for `make bench`: run with EVIDENCE_STORE_BENCH=1.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EVIDENCE_STORE_BENCH"] != nil))
struct BenchmarkTests {
    @Test(arguments: StoreBackend.allCases) func recordAndPullThroughput(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try backend.makeLocation(in: dir.url).open()
        let count = 500
        let (doc, fields) = Sample.document("kh-45.pdf")

        let clock = ContinuousClock()
        let saving = clock.measure {
            for n in 0..<count {
                var copy = doc
                copy.sha256 = sha("d\(n)")
                try? store.saveDocument(copy, fields: fields)
            }
        }
        let recording = clock.measure {
            for n in 0..<count {
                let id = "s\(n)"
                _ = try? store.recordSubmission(Sample.submission(id), manifestSHA256: sha(id), files: Sample.files(salt: "\(n)"))
                _ = try? store.recordResult(Sample.result(id))
            }
        }
        var pulled = 0
        let pulling = clock.measure {
            while let batch = try? store.pull(consumer: "scoring", limit: 100), !batch.isEmpty {
                pulled += batch.count
                _ = try? store.ack(consumer: "scoring", ids: batch.map(\.id))
            }
        }
        print("store bench (\(backend)): \(count) documents saved in \(saving); \(count) submissions recorded + checked in \(recording); \(pulled) flags pulled+acked in \(pulling)")
        #expect(pulled == 2 * count)
    }
}
