import EvidenceModel
import EvidenceStore
import EvidenceVerification
import Foundation

/// The review queue screen: filters, counts per reason, one page of flags.
struct ReviewQueueView {
    var chrome: Chrome
    var rows: [ReviewRow]
    var hasRows: Bool
    var reasons: [ReasonTab]
    var states: [Option]
    var orders: [Option]
    var unit: String
    var indicator: String
    var nextPage: String?
    var total: Int
}

struct ReviewRow {
    var id: Int64
    var position: Int
    var unit: String
    var submission: String
    var indicator: String
    var reasonLabel: String
    var reasonCode: String
    var message: String
    var stateLabel: String
    var stateClass: String
    var decidedBy: String?

    init(_ item: ReviewItem, position: Int) {
        id = item.flag.id
        self.position = position
        unit = item.flag.unit.code
        submission = item.flag.submission
        indicator = item.flag.indicator
        reasonLabel = Labels.reason(item.flag.flag.reason)
        reasonCode = item.flag.flag.reason.rawValue
        message = item.flag.flag.message.count > 140 ? String(item.flag.flag.message.prefix(140)) + "…" : item.flag.flag.message
        (stateLabel, stateClass) = ReviewRow.state(item.decision)
        decidedBy = item.decision?.decidedBy
    }

    static func state(_ decision: FlagDecision?) -> (String, String) {
        switch decision?.action {
        case nil: ("Chưa xử lý", "pending")
        case .confirm: ("Xác nhận", "failed")
        case .dismiss: ("Bác bỏ", "checked")
        case .answer: ("Đã trả lời", "checked")
        }
    }
}

struct ReasonTab { var code: String; var label: String; var count: Int; var link: String; var selected: Bool }
struct Option { var value: String; var label: String; var selected: Bool }

/// One flag, everything needed to settle it in one glance.
struct FlagPageView {
    var chrome: Chrome
    var id: Int64
    var unitName: String
    var unitCode: String
    var submission: String
    var submissionPath: String
    var indicator: String
    var indicatorName: String
    var maxPoints: String
    var claimedScore: String
    var rule: String?
    var reasonLabel: String
    var reasonCode: String
    var message: String
    var expected: String?
    var found: String?
    var fieldLabel: String?
    var file: String?
    var page: Int?
    var hasRegion: Bool
    var regionURL: String
    var pageURL: String?
    var originalURL: String?
    var others: [OtherDocument]
    var hasOthers: Bool
    var signatures: [SignatureRow]
    var hasSignatures: Bool
    var decisions: [DecisionRow]
    var hasDecisions: Bool
    var current: DecisionRow?
    var canDecide: Bool
    var isQuestion: Bool
    var previous: Int64?
    var next: Int64?
    var error: String?
    var backLink: String
}

struct OtherDocument { var unit: String; var submission: String; var file: String; var imageURL: String? }

struct SignatureRow {
    var signer: String
    var organization: String
    var issuer: String
    var time: String
    var status: String
    var certificate: String
    var coversWhole: String
    init(_ signature: PDFSignature) {
        signer = signature.signerName ?? "?"
        organization = [signature.organization, signature.organizationalUnit].compactMap { $0 }.joined(separator: " · ")
        issuer = signature.issuer ?? "?"
        time = signature.signingTime ?? "?"
        status = signature.status.rawValue
        certificate = signature.certificate.rawValue
        coversWhole = signature.coversWholeDocument.map { $0 ? "có" : "không" } ?? "?"
    }
}

struct DecisionRow {
    var id: Int64
    var action: String
    var by: String
    var at: String
    var supportedScore: String?
    var answer: String?
    var comment: String?
    init(_ decision: FlagDecision) {
        id = decision.id
        action = switch decision.action {
        case .confirm: "Xác nhận cờ (điểm không được chấp nhận)"
        case .dismiss: "Bác bỏ cờ"
        case .answer: "Trả lời"
        }
        by = decision.decidedBy
        at = SubmissionRow.time(decision.decidedAt)
        supportedScore = decision.supportedScore.map(Points.text)
        answer = decision.answer
        comment = decision.comment
    }
}

extension EvidenceRule {
    /// The rule as an appraiser reads it.
    func words(framework: Framework) -> String {
        if let description { return description }
        var parts: [String] = []
        let types = self.types.compactMap { framework.documentTypeName($0) ?? $0 }
        if !types.isEmpty { parts.append("Loại văn bản: " + types.joined(separator: ", ")) }
        switch period {
        case .within: parts.append("ban hành trong kỳ đánh giá")
        default: break
        }
        if signed == .required { parts.append("có chữ ký số") }
        if let count { parts.append("mỗi văn bản \(Points.text(count.perDocument)) điểm" + (count.cap.map { ", tối đa \(Points.text($0))" } ?? "")) }
        return parts.joined(separator: "; ")
    }
}
