import EvidenceModel
import Foundation
@testable import EvidenceStore

/// A sha256-shaped key from a short seed, so tests read 'sha("kh-45")'.
func sha(_ seed: String) -> String {
    var hex = ""
    for byte in seed.utf8 { hex += String(byte, radix: 16) }
    let padded = String(repeating: "0", count: max(0, 64 - hex.count)) + hex
    return String(padded.suffix(64))
}

/// A temporary directory removed when the test's `defer` calls `remove()`.
struct TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("evidence-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum Sample {
    static let trabong = Submission.Unit(code: "H-TRABONG", name: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", level: .district)
    static let sonha = Submission.Unit(code: "H-SONHA", name: "ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ", level: .district)

    static func submission(_ id: String = "trabong-huyen-2024", unit: Submission.Unit = trabong,
                           files: [String] = ["kh-45.pdf", "qd-12.pdf"], score: Double = 3) -> Submission {
        Submission(
            submission: id, unit: unit, framework: "thanhhoa-dti-district-2021",
            period: .init(from: "2024-01-01", to: "2024-12-31"),
            claims: [
                .init(indicator: "2.1.2", score: score,
                      evidence: [.init(file: files[0], number: "45/KH-UBND", date: "2024-02-15", signer: "Lê Văn Bình")]),
                .init(indicator: "2.3.1", score: 2, evidence: files.dropFirst().map { .init(file: $0) }),
            ])
    }

    static func files(_ names: [String] = ["kh-45.pdf", "qd-12.pdf"], salt: String = "") -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, sha($0 + salt)) })
    }

    static let numberMismatch = Flag(reason: .numberMismatch, message: "Số văn bản không khớp", file: "kh-45.pdf",
                                     page: 1, expected: "45/KH-UBND", found: "46/KH-UBND")
    static let draft = Flag(reason: .draft, message: "Văn bản là dự thảo", file: "qd-12.pdf", page: 1)
    static let aboveMax = Flag(reason: .scoreAboveMax, message: "Điểm tự chấm vượt điểm tối đa",
                               expected: "≤ 2", found: "3")

    static func result(_ id: String = "trabong-huyen-2024", unit: Submission.Unit = trabong,
                       first: [Flag] = [numberMismatch], second: [Flag] = [draft]) -> SubmissionResult {
        SubmissionResult(submission: id, unit: unit, claims: [
            ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: first),
            ClaimResult(index: 1, indicator: "2.3.1", score: 2, flags: second),
        ])
    }

    static func document(_ name: String, number: String? = "45/KH-UBND") -> (ExtractedDocument, DocumentFields) {
        let doc = ExtractedDocument(file: name, sha256: sha(name), format: .pdf, pages: 2, perPage: [
            PageText(page: 1, source: .text, text: "ỦY BAN NHÂN DÂN\nKẾ HOẠCH"),
            PageText(page: 2, source: .ocr, confidence: 0.91, text: "Nơi nhận"),
        ])
        let fields = DocumentFields(type: "KH", typeName: "Kế hoạch", number: number,
                                    issuer: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", date: "2024-02-15",
                                    signer: .init(name: "Lê Văn Bình", title: "CHỦ TỊCH"))
        return (doc, fields)
    }

    /// A recorded submission with its first result: returns the queued ids.
    @discardableResult
    static func recordChecked(_ store: Store, id: String = "trabong-huyen-2024", unit: Submission.Unit = trabong,
                              result: SubmissionResult? = nil) throws -> [Int64] {
        _ = try store.recordSubmission(submission(id, unit: unit), manifestSHA256: sha("manifest-" + id),
                                       files: files(salt: id))
        return try store.recordResult(result ?? Sample.result(id, unit: unit))
    }
}
