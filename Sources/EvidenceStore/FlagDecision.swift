package import Foundation

/// What an appraiser decided about a flag.
package enum DecisionAction: String, Codable, Hashable, Sendable, CaseIterable {
    /// The flag holds: the claimed score is not supported (optionally: the score the evidence does support).
    case confirm
    /// The flag does not hold; a comment says why.
    case dismiss
    /// A `needs-review` flag's question answered ('the hand-written number reads 24').
    case answer
}

/// One row of the decision trail. A flag's current decision is its latest; revising appends.
package struct FlagDecision: Hashable, Sendable, Codable {
    /// Increasing with every decision: the trail's order, and what a queue consumer acks ("d<id>").
    package var id: Int64
    package var flagId: Int64
    /// The appraiser's user name.
    package var decidedBy: String
    package var decidedAt: Date
    package var action: DecisionAction
    /// For `confirm`: the score the evidence supports (0 up to the claimed score), when given.
    package var supportedScore: Double?
    /// For `answer`: what the field reads.
    package var answer: String?
    /// Why; required for `dismiss`.
    package var comment: String?

    package init(id: Int64, flagId: Int64, decidedBy: String, decidedAt: Date, action: DecisionAction,
                 supportedScore: Double? = nil, answer: String? = nil, comment: String? = nil) {
        self.id = id; self.flagId = flagId; self.decidedBy = decidedBy; self.decidedAt = decidedAt; self.action = action
        self.supportedScore = supportedScore; self.answer = answer; self.comment = comment
    }

    private enum CodingKeys: String, CodingKey { case id, flagId, decidedBy, decidedAt, action, supportedScore, answer, comment }

    /// Absent values are written as null: readers see every key of the documented shape.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(flagId, forKey: .flagId)
        try container.encode(decidedBy, forKey: .decidedBy)
        try container.encode(decidedAt, forKey: .decidedAt)
        try container.encode(action, forKey: .action)
        try container.encode(supportedScore, forKey: .supportedScore)
        try container.encode(answer, forKey: .answer)
        try container.encode(comment, forKey: .comment)
    }
}
