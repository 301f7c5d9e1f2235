import EvidenceLoading
import EvidenceModel
package import EvidenceStore
package import EvidenceVerification
import Foundation

/// `make bench`: what checking one submission costs as the store grows. One store (in memory, or
/// an empty database given to `bench-check --db`) is filled in steps: up to each size, submissions
/// of other units (one parsed document each, all with distinct contents and numbers), then
/// `checks` one-file submissions are recorded and checked the way the daemon does (record, check
/// against the store, record the result, requeue other sides) and timed, after a few untimed ones
/// (the first queries after a bulk load, a new connection, cold index pages: not the steady cost).
package enum CheckCostBenchmark {
    /// One size's figure.
    package struct Round: Sendable {
        /// Submissions in the store when the timed checks began.
        package var stored: Int
        package var secondsPerCheck: Double
        /// Seconds to bring the store to `stored` (recording the seed and appending it).
        package var loadSeconds: Double
    }

    /// Submissions recorded at once into a scratch store before it is appended to the measured one.
    static let seedChunk = 10_000
    /// Untimed checks before each round's timed ones (counted in its size: they are stored then).
    package static let warmUpChecks = 20

    /// A round per size, in increasing order, on `store` (empty at the start): the store grows from
    /// one to the next, so each round's checks count among what the next finds stored.
    package static func rounds(on store: Store, sizes: [Int], checks: Int, framework: Framework,
                               indicator: String) throws -> [Round] {
        var recorded = 0
        return try sizes.sorted().map { size in
            let loading = Date()
            // The seed goes through the store's own operations into a scratch store in memory, then
            // into the measured one in bulk (`StoreCopier.append`): on PostgreSQL, 100,000
            // submissions recorded one operation at a time would be over a million round trips.
            let seeded = size - warmUpChecks
            while recorded < seeded {
                let scratch = try Store.inMemory()
                let end = min(seeded, recorded + seedChunk)
                for index in recorded..<end { try record(index, in: scratch, framework: framework, indicator: indicator) }
                try StoreCopier(source: scratch, target: store).append()
                recorded = end
            }
            let loadSeconds = Date().timeIntervalSince(loading)
            for index in recorded..<(recorded + warmUpChecks) { try check(index, in: store, framework: framework, indicator: indicator) }
            recorded += warmUpChecks
            let stored = recorded
            let started = Date()
            for index in recorded..<(recorded + checks) { try check(index, in: store, framework: framework, indicator: indicator) }
            recorded += checks
            return Round(stored: stored, secondsPerCheck: Date().timeIntervalSince(started) / Double(max(1, checks)),
                         loadSeconds: loadSeconds)
        }
    }

    /// Records submission `index` and checks it as the daemon does.
    static func check(_ index: Int, in store: Store, framework: Framework, indicator: String) throws {
        let (loaded, facts) = try record(index, in: store, framework: framework, indicator: indicator)
        let item = BatchVerification.Item(loaded: loaded, facts: facts)
        let revision = try store.submission(id: loaded.submission.submission)?.revision
        for result in try BatchVerification.results(for: [item], stored: BatchVerification.storedEvidence(in: store)) {
            try store.recordResult(result, revision: revision)
        }
        try BatchVerification.requeueOtherSides(of: [item], in: store)
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
