import EvidenceModel
import EvidenceStore
import Foundation

/// What `/api/v1` answers. Field names follow the OpenAPI document (OpenAPIDocument.swift), which
/// a test checks against the running server.
struct APISubmission: Encodable {
    var id: String
    var unit: Submission.Unit
    var framework: String
    var period: Submission.Period
    var state: String
    var revision: Int
    var precheck: Bool
    var claims: Int
    var flaggedClaims: Int
    var flags: Int
    var needsReview: Int
    var failureReason: String?
    var updatedAt: Date
    var checkedAt: Date?
    var progress: SubmissionProgress?
    /// Each file's path → its document's sha256 (for `/api/v1/documents/{sha256}`); one submission only.
    var files: [String: String]?

    init(_ summary: SubmissionSummary, progress: SubmissionProgress? = nil, files: [String: String]? = nil) {
        id = summary.id; unit = summary.unit; framework = summary.framework; period = summary.period
        state = summary.state.rawValue; revision = summary.revision; precheck = summary.precheck
        claims = summary.claims; flaggedClaims = summary.flaggedClaims; flags = summary.flags
        needsReview = summary.needsReview; failureReason = summary.failureReason
        updatedAt = summary.updatedAt; checkedAt = summary.checkedAt; self.progress = progress; self.files = files
    }
}

struct APIUploadAccepted: Encodable {
    var submission: String
    var upload: String
    var status: String
    var location: String
}

struct APIResults: Encodable {
    var submission: String
    var state: String
    var revision: Int
    var claims: [APIClaimResult]
}

struct APIClaimResult: Encodable {
    var index: Int
    var indicator: String
    var score: Double
    /// Encoded as its code: pending | supported | flagged | needs-review.
    var verdict: ClaimVerdict
    var flags: [APIFlag]
}

struct APIFlag: Encodable {
    /// Queue event kind and the id to ack: "flag" and the flag's id.
    var event = "flag"
    var ack: String
    var id: Int64
    var submission: String
    var revision: Int
    var unit: String
    var claimIndex: Int
    var indicator: String
    var score: Double
    var reason: String
    var message: String
    var file: String?
    var page: Int?
    var expected: String?
    var found: String?
    var field: String?
    var box: Box?
    var createdAt: Date
    var supersededAt: Date?

    init(_ queued: QueuedFlag) {
        ack = String(queued.id)
        id = queued.id; submission = queued.submission; revision = queued.revision; unit = queued.unit.code
        claimIndex = queued.claimIndex; indicator = queued.indicator; score = queued.score
        reason = queued.flag.reason.rawValue; message = queued.flag.message; file = queued.flag.file
        page = queued.flag.page; expected = queued.flag.expected; found = queued.flag.found
        field = queued.flag.field?.rawValue; box = queued.flag.box
        createdAt = queued.createdAt; supersededAt = queued.supersededAt
    }
}

struct APIDocument: Encodable {
    var sha256: String
    var state: String
    var format: String?
    var pages: Int?
    var fields: DocumentFields?
    var failure: ExtractionFailure?
}

struct APIPage: Encodable {
    var page: Int
    var source: String
    var confidence: Double?
    var rotation: Int?
    var text: String
}

/// A decision delivered through the queue: ack it as "d<id>" (`decisions` in the ack body).
struct APIDecisionEvent: Encodable {
    var event = "decision"
    var ack: String
    var flagId: Int64
    var decision: FlagDecision
    var flag: APIFlag
}

/// One queue delivery: a flag (or its withdrawal) or a decision.
enum APIQueueEvent: Encodable {
    case flag(APIFlag), decision(APIDecisionEvent)
    init(_ event: QueueEvent) {
        switch event {
        case .flag(let queued): self = .flag(APIFlag(queued))
        case .decision(let decision):
            self = .decision(APIDecisionEvent(ack: "d\(decision.decision.id)", flagId: decision.flagId,
                                              decision: decision.decision, flag: APIFlag(decision.flag)))
        }
    }
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .flag(let flag): try flag.encode(to: encoder)
        case .decision(let decision): try decision.encode(to: encoder)
        }
    }
}

struct APIAck: Decodable {
    var ids: [Int64]?
    var decisions: [Int64]?
}

struct APIDecisionRequest: Decodable {
    var action: String
    var supportedScore: Double?
    var answer: String?
    var comment: String?
}
struct APIAcked: Encodable { var acked: Int }
