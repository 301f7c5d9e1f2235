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

/// `evidenced store copy` rates for docs/scale.md: a generated store of
/// EVIDENCE_STORE_COPY_SUBMISSIONS submissions (default 5,000: two documents with three pages of
/// text each, two claims, two flags, a decision every tenth flag, every flag acked) copied from an
/// SQLite file to the test cluster, and back. Run with EVIDENCE_STORE_BENCH=1 swift test --filter StoreCopyRateTests.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EVIDENCE_STORE_BENCH"] != nil))
struct StoreCopyRateTests {
    @Test func copyRate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let count = ProcessInfo.processInfo.environment["EVIDENCE_STORE_COPY_SUBMISSIONS"].flatMap(Int.init) ?? 5000
        let path = dir.path("evidenced.sqlite")
        let clock = ContinuousClock()
        let filling = try clock.measure {
            let store = try Store(path: path)
            // Generation only: the copy below reads an ordinary file.
            try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = OFF") }
            let (doc, fields) = Sample.document("kh-45.pdf")
            let line = "Căn cứ Kế hoạch số 45/KH-UBND ngày 15/02/2024 của Ủy ban nhân dân huyện Trà Bồng về chuyển đổi số. "
            for n in 0..<count {
                let id = "s\(n)"
                for file in Sample.files(salt: id).values {
                    var copy = doc
                    copy.sha256 = file
                    copy.pages = 3
                    copy.perPage = (1...3).map { PageText(page: $0, source: .text, text: String(repeating: line, count: 15)) }
                    try store.saveDocument(copy, fields: fields)
                }
                _ = try store.recordSubmission(Sample.submission(id), manifestSHA256: sha(id), files: Sample.files(salt: id))
                let flags = try store.recordResult(Sample.result(id))
                if n % 5 == 0 { try store.decide(flagId: flags[0], by: "council", action: .confirm) }
                _ = try store.ack(consumer: "scoring", ids: flags)
            }
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let postgres = try TestPostgres.shared().makeDatabase()
        let there = try StoreCopier.copy(from: .sqlite(path: path), to: .postgres(postgres)) { _ in }
        #expect(there.comparison.mismatched.isEmpty)
        let postgresBytes = try Store(postgres: postgres).database.read { db in
            try db.value("SELECT pg_database_size(current_database())", as: Int.self) ?? 0
        }
        let back = try StoreCopier.copy(from: .postgres(postgres), to: .sqlite(path: dir.path("back.sqlite"))) { _ in }
        #expect(back.comparison.mismatched.isEmpty)
        func rate(_ report: StoreCopyReport) -> String {
            String(format: "%d rows in %.1f s (%.0f rows/s), read back in %.1f s",
                   report.comparison.sourceRows, report.copySeconds, report.rowsPerSecond, report.verifySeconds)
        }
        print("store copy bench: \(count) submissions (\(bytes / 1_000_000) MB SQLite file, \(postgresBytes / 1_000_000) MB PostgreSQL database, generated in \(filling)); "
              + "SQLite to PostgreSQL: \(rate(there)); PostgreSQL to SQLite: \(rate(back))")
    }
}
