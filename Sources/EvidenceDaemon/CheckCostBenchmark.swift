import EvidenceLoading
import EvidenceModel
import EvidenceStore
package import EvidenceVerification
import Foundation

/// `make bench`: what checking one submission costs as the store grows. Each round seeds a fresh
/// in-memory store with `stored` submissions of other units (one parsed document each, all with
/// distinct contents and numbers), then records and checks `checks` one-file submissions the way
/// the daemon does (record, check against the store, record the result, requeue other sides).
package enum CheckCostBenchmark {
    /// Seconds per checked submission with `stored` submissions already in the store.
    package static func secondsPerCheck(stored: Int, checks: Int, framework: Framework, indicator: String) throws -> Double {
        let store = try Store.inMemory()
        for index in 0..<stored { try record(index, in: store, framework: framework, indicator: indicator) }
        let started = Date()
        for index in stored..<(stored + checks) {
            let (loaded, facts) = try record(index, in: store, framework: framework, indicator: indicator)
            let item = BatchVerification.Item(loaded: loaded, facts: facts)
            let revision = try store.submission(id: loaded.submission.submission)?.revision
            for result in try BatchVerification.results(for: [item], stored: BatchVerification.storedEvidence(in: store)) {
                try store.recordResult(result, revision: revision)
            }
            try BatchVerification.requeueOtherSides(of: [item], in: store)
        }
        return Date().timeIntervalSince(started) / Double(max(1, checks))
    }

    /// Records submission `index` with its one parsed document; returns what a check needs.
    @discardableResult
    static func record(_ index: Int, in store: Store, framework: Framework,
                       indicator: String) throws -> (LoadedSubmission, [String: EvidenceFacts]) {
        let sha256 = String(repeating: "0", count: 48) + String(format: "%016x", index)
        let number = "\(index % 9000 + 1)/KH-UBND\(index / 9000)"
        let unit = Submission.Unit(code: "X-\(index)", name: "ỦY BAN NHÂN DÂN XÃ SỐ \(index)", level: .commune)
        let submission = Submission(submission: "bench-\(index)", unit: unit, framework: framework.id,
                                    period: .init(from: "2024-01-01", to: "2024-12-31"),
                                    claims: [.init(indicator: indicator, score: 1, evidence: [.init(file: "kh.pdf", number: number)])])
        let document = ExtractedDocument(file: "kh.pdf", sha256: sha256, format: .pdf, pages: 1,
                                         perPage: [PageText(page: 1, source: .text, text: "\(unit.name)\nKẾ HOẠCH\nSố: \(number)")])
        let fields = DocumentFields(type: "KH", number: number, issuer: unit.name, date: "2024-03-01",
                                    title: "Ứng dụng công nghệ thông tin", signer: .init(name: "Nguyễn Văn A", title: "CHỦ TỊCH"))
        _ = try store.recordSubmission(submission, manifestSHA256: sha256, files: ["kh.pdf": sha256])
        try store.saveDocument(document, fields: fields)
        let loaded = LoadedSubmission(submission: submission, framework: framework, directory: URL(fileURLWithPath: "/nonexistent"))
        return (loaded, ["kh.pdf": EvidenceFacts(file: "kh.pdf", sha256: sha256, document: document, fields: fields)])
    }
}
