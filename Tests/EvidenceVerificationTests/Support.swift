import EvidenceModel
import EvidenceTesting
import Foundation
import EvidenceLoading
@testable import EvidenceVerification

enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let frameworks = repository.appendingPathComponent("models/frameworks")

    static func thanhhoa() throws -> Framework {
        try Framework.load(contentsOf: frameworks.appendingPathComponent("thanhhoa-dti-district-2021.yaml"))
    }

    static let unit = Submission.Unit(code: "H-TRABONG", name: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", level: .district)

    static func submission(_ claims: [Submission.Claim], unit: Submission.Unit = unit, id: String = "trabong-huyen-2024") -> Submission {
        Submission(submission: id, unit: unit, framework: "thanhhoa-dti-district-2021",
                   period: .init(from: "2024-01-01", to: "2024-12-31"), claims: claims)
    }

    static func facts(_ documents: [VerificationFakeDocument]) -> [String: EvidenceFacts] {
        Dictionary(documents.map { ($0.file, EvidenceFacts(file: $0.file, sha256: $0.sha256, document: $0.extracted, fields: $0.fields)) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// A clean annual plan (2.1.2) of Trà Bồng and the claim that cites it with every declaration.
    static let plan = VerificationFakeDocument(file: "kh-45.pdf")
    static let planEvidence = Submission.Evidence(file: "kh-45.pdf", number: "45/KH-UBND", date: "2024-02-15", signer: "Lê Văn Bình")

    /// Meeting minutes chaired and signed by the chairman.
    static func minutes(_ file: String, number: Int, deputy: Bool = false) -> VerificationFakeDocument {
        VerificationFakeDocument(file: file).with {
            $0.type = "BB"; $0.number = "\(number)/BB-UBND"; $0.date = "2024-0\(number % 9 + 1)-10"
            $0.title = "Cuộc họp chuyên đề về chuyển đổi số, chính quyền số"
            $0.body = "Thời gian, địa điểm, thành phần. Chủ trì: ông Lê Văn Bình, \(deputy ? "Phó Chủ tịch" : "Chủ tịch") UBND huyện. Nội dung: đánh giá tiến độ chuyển đổi số."
            $0.authority = nil; $0.signerTitle = "CHỦ TRÌ"
        }
    }

}

extension ClaimResult {
    var reasons: [FlagReason] { flags.map(\.reason) }
}
