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

/// A unit's accepted total changed: ack it as "s<id>" (`scores` in the ack body).
struct APIScoreEvent: Encodable {
    var event = "score"
    var ack: String
    var score: ScoreEvent
}

/// One queue delivery: a flag (or its withdrawal), a decision or a changed accepted total.
enum APIQueueEvent: Encodable {
    case flag(APIFlag), decision(APIDecisionEvent), score(APIScoreEvent)
    init(_ event: QueueEvent) {
        switch event {
        case .flag(let queued): self = .flag(APIFlag(queued))
        case .decision(let decision):
            self = .decision(APIDecisionEvent(ack: "d\(decision.decision.id)", flagId: decision.flagId,
                                              decision: decision.decision, flag: APIFlag(decision.flag)))
        case .score(let score): self = .score(APIScoreEvent(ack: "s\(score.id)", score: score))
        }
    }
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .flag(let flag): try flag.encode(to: encoder)
        case .decision(let decision): try decision.encode(to: encoder)
        case .score(let score): try score.encode(to: encoder)
        }
    }
}

struct APIAck: Decodable {
    var ids: [Int64]?
    var decisions: [Int64]?
    var scores: [Int64]?
}

struct APIDecisionRequest: Decodable {
    var action: String
    var supportedScore: Double?
    var answer: String?
    var comment: String?
}
struct APIAcked: Encodable { var acked: Int }

/// `GET /api/v1/scores`: a season's units with their claimed and accepted scores.
struct APIScores: Encodable {
    var framework: String
    var period: String?
    var units: [APIUnitScores]
}

struct APIUnitScores: Encodable {
    var unit: Submission.Unit
    var submission: String
    var period: Submission.Period
    var state: String
    var claimed: Double
    var accepted: Double
    var claims: [APIClaimScore]

    init(_ scores: UnitScores) {
        var unit = scores.unit
        unit.bodies = nil
        self.unit = unit; submission = scores.submission; period = scores.period; state = scores.state.rawValue
        claimed = scores.claimed; accepted = scores.accepted; claims = scores.claims.map(APIClaimScore.init)
    }
}

/// A claim's score; every key written, null when absent.
struct APIClaimScore: Encodable {
    var score: ClaimScore
    init(_ score: ClaimScore) { self.score = score }
    private enum CodingKeys: String, CodingKey { case index, indicator, claimed, accepted, status, openFlags, flagId, reason, decision }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score.claimIndex, forKey: .index)
        try container.encode(score.indicator, forKey: .indicator)
        try container.encode(score.claimed, forKey: .claimed)
        try container.encode(score.accepted, forKey: .accepted)
        try container.encode(score.status, forKey: .status)
        try container.encode(score.openFlags, forKey: .openFlags)
        try container.encode(score.flagId, forKey: .flagId)
        try container.encode(score.reason, forKey: .reason)
        try container.encode(score.decision, forKey: .decision)
    }
}
