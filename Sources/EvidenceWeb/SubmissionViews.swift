import EvidenceModel
import EvidenceStore
import EvidenceVerification
import Foundation

/// A row of the submissions list.
struct SubmissionRow {
    var id: String
    var idPath: String
    var unitName: String
    var framework: String
    var period: String
    var stateLabel: String
    var stateClass: String
    var checked: Bool
    var flaggedClaims: Int
    var claims: Int
    var needsReview: Int?
    var precheck: Bool
    var updated: String

    init(_ summary: SubmissionSummary) {
        id = summary.id
        idPath = Self.pathComponent(summary.id)
        unitName = summary.unit.name
        framework = summary.framework
        period = "\(summary.period.from) → \(summary.period.to)"
        stateLabel = Labels.state(summary.state)
        stateClass = Self.stateClass(summary.state)
        checked = summary.state == .checked
        flaggedClaims = summary.flaggedClaims
        claims = summary.claims
        needsReview = summary.needsReview > 0 ? summary.needsReview : nil
        precheck = summary.precheck
        updated = Self.time(summary.updatedAt)
    }

    static func stateClass(_ state: SubmissionState) -> String {
        switch state { case .checked: "checked"; case .failed: "failed"; case .queued, .extracting: "pending" }
    }

    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        return formatter.string(from: date)
    }
}

struct SubmissionsView {
    var chrome: Chrome
    var rows: [SubmissionRow]
    var hasRows: Bool
    var canCreate: Bool
}

/// The result page: where the reading stands, then every claim with its verdict and reasons.
struct ResultView {
    var chrome: Chrome
    var id: String
    var idPath: String
    var unitName: String
    var framework: String
    var period: String
    var revision: Int?
    var precheck: Bool
    var stateCode: String
    var stateLabel: String
    var stateClass: String
    var refresh: Bool
    var refusal: String?
    var failure: String?
    var progress: SubmissionProgress?
    var checked: Bool
    var precheckDone: Bool
    var canResubmit: Bool
    var flaggedClaims: Int
    var needsReview: Int?
    var claimCount: Int
    var claims: [ClaimView]
}

struct ClaimView: Encodable {
    var index: Int
    var code: String
    var name: String
    var score: String
    var max: String
    var verdictCode: String
    var verdictLabel: String
    var verdictClass: String
    var flags: [FlagView]

    /// The verdict is `ClaimVerdict`'s, the API's and the summary counts' rule; `checked` false
    /// (the flags would be an earlier revision's) is pending.
    init(index: Int, claim: Submission.Claim, framework: Framework?, queued: [QueuedFlag], checked: Bool) {
        self.index = index
        let indicator = framework?.indicator(claim.indicator)
        code = indicator.flatMap { ind in framework?.displayCode(ind) } ?? claim.indicator
        name = indicator?.name ?? ""
        score = Points.text(claim.score)
        max = indicator.map { Points.text($0.maxPoints) } ?? "?"
        self.flags = queued.map { FlagView($0.flag, id: $0.id) }
        let verdict = ClaimVerdict.of(queued.map(\.flag.reason), checked: checked)
        verdictCode = verdict.rawValue
        (verdictLabel, verdictClass) = Labels.verdict(verdict)
    }
}

struct FlagView: Encodable {
    /// The flag's page (`/review/flags/{id}`): its region and the council's decision.
    var flagId: Int64?
    var reasonCode: String
    var reasonLabel: String
    var message: String
    var file: String?
    var page: Int?
    var fieldLabel: String?
    var expected: String?
    var found: String?
    var hasComparison: Bool

    init(_ flag: Flag, id: Int64?) {
        flagId = id
        reasonCode = flag.reason.rawValue
        reasonLabel = Labels.reason(flag.reason)
        message = flag.message
        file = flag.file
        page = flag.page
        fieldLabel = flag.field?.vietnameseName
        expected = flag.expected
        found = flag.found
        hasComparison = flag.expected != nil || flag.found != nil
    }
}
