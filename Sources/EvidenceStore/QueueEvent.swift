import Foundation

/// What the queue delivers: a flag (new, or withdrawn once superseded), an appraiser's decision,
/// or a unit's changed accepted total.
package enum QueueEvent: Hashable, Sendable {
    case flag(QueuedFlag)
    case decision(DecisionEvent)
    case score(ScoreEvent)

    package enum Kind: String, Hashable, Sendable, CaseIterable {
        case flag, decision, score
    }

    package var kind: Kind {
        switch self {
        case .flag: .flag
        case .decision: .decision
        case .score: .score
        }
    }

    /// What a consumer acks: the flag's id ("17"), or "d" and the decision's id ("d5").
    package var ackID: String {
        switch self {
        case .flag(let flag): String(flag.id)
        case .decision(let event): "d\(event.decision.id)"
        case .score(let event): "s\(event.id)"
        }
    }
}

/// A decision as the queue delivers it: the decision and the flag it is about.
package struct DecisionEvent: Hashable, Sendable, Codable {
    package var flagId: Int64
    package var decision: FlagDecision
    /// The flag's submission, unit and claim, so the scoring system needs no second lookup.
    package var flag: QueuedFlag

    package init(flagId: Int64, decision: FlagDecision, flag: QueuedFlag) {
        self.flagId = flagId; self.decision = decision; self.flag = flag
    }
}

/// Ids a consumer acks, flags, decisions and score events apart (they are numbered separately).
package struct QueueAcks: Hashable, Sendable {
    package var flags: [Int64]
    package var decisions: [Int64]
    package var scores: [Int64]

    package init(flags: [Int64] = [], decisions: [Int64] = [], scores: [Int64] = []) {
        self.flags = flags; self.decisions = decisions; self.scores = scores
    }

    /// Parses "17" (a flag), "d5" (a decision) and "s3" (a score event); nil names the first token that is none.
    package static func parse(_ tokens: [String]) -> Result<QueueAcks, QueueAckParseError> {
        var acks = QueueAcks()
        for token in tokens {
            let trimmed = token.trimmingCharacters(in: .whitespaces)
            if let id = Int64(trimmed), id > 0 { acks.flags.append(id); continue }
            if trimmed.first == "d" || trimmed.first == "D", let id = Int64(trimmed.dropFirst()), id > 0 {
                acks.decisions.append(id); continue
            }
            if trimmed.first == "s" || trimmed.first == "S", let id = Int64(trimmed.dropFirst()), id > 0 {
                acks.scores.append(id); continue
            }
            return .failure(QueueAckParseError(token: token))
        }
        return .success(acks)
    }
}

package struct QueueAckParseError: Error, Hashable, Sendable, CustomStringConvertible {
    package var token: String
    package var description: String { "'\(token)' is neither a flag id (17), a decision id (d5) nor a score event id (s3)" }
}
