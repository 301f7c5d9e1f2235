/// What the store refuses, with enough to say which input was wrong.
package enum StoreError: Error, Hashable, Sendable {
    /// A result or state change for a submission that was never recorded.
    case unknownSubmission(String)
    case unknownDocument(String)
    /// Ack of ids the queue never issued; nothing was acked.
    case unknownFlags([Int64])
    /// A consumer name must be non-empty and free of surrounding white space.
    case invalidConsumer(String)
    /// Not a lowercase hexadecimal sha256 (64 characters).
    case invalidSHA256(String)
    /// The result's claims do not match the recorded submission's claims.
    case claimOutOfRange(submission: String, index: Int)
    /// A result for a revision the submission has since left behind.
    case staleResult(submission: String, checked: Int, current: Int)
    /// `retry` of something that is not failed.
    case notFailed(id: String, state: String)
    /// `retry` of an id nothing matches, or a sha256 prefix several documents share.
    case noSuchItem(String)
    case ambiguousID(String, matches: Int)
    /// A decision the rules refuse (dismiss without comment, answer to a flag that asks nothing...).
    case invalidDecision(String)
    /// A submission id already recorded for another unit.
    case submissionOfAnotherUnit(id: String, owner: String)
    /// A pre-check sent under the id of a recorded submission: its flags would leave the council's
    /// queue and the consumers that read them would never hear they were withdrawn.
    case recordedSubmissionAsPrecheck(id: String)
    /// A decision id the queue never issued; nothing was acked.
    case unknownDecisions([Int64])
    case unknownScoreEvents([Int64])
    /// A node finishing work whose lease it no longer holds (it expired and another node claimed
    /// the work, or the work was finished or given back meanwhile): nothing was written.
    case leaseLost(item: String, node: String)
}

extension StoreError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .unknownSubmission(let id): "unknown submission '\(id)': record it first"
        case .unknownDocument(let sha): "unknown document \(sha)"
        case .unknownFlags(let ids): "unknown flag ids: \(ids.map(String.init).joined(separator: ", "))"
        case .invalidConsumer(let name): "invalid consumer name '\(name)': use a non-empty name such as 'scoring'"
        case .invalidSHA256(let value): "invalid sha256 '\(value)': expected 64 lowercase hexadecimal digits"
        case .claimOutOfRange(let id, let index): "submission '\(id)' has no claim at index \(index)"
        case .staleResult(let id, let checked, let current):
            "result for revision \(checked) of '\(id)' is stale: the submission is at revision \(current)"
        case .notFailed(let id, let state): "'\(id)' is \(state), not failed: nothing to retry"
        case .noSuchItem(let id): "no document or submission matches '\(id)'"
        case .ambiguousID(let id, let matches): "'\(id)' matches \(matches) documents: give more of the sha256"
        case .invalidDecision(let why): "invalid decision: \(why)"
        case .submissionOfAnotherUnit(let id, let owner):
            "submission '\(id)' is recorded for unit \(owner): another unit cannot use its id"
        case .recordedSubmissionAsPrecheck(let id):
            "submission '\(id)' is recorded: it cannot become a pre-check (send a pre-check under its own id)"
        case .unknownDecisions(let ids): "unknown decision ids: \(ids.map { "d\($0)" }.joined(separator: ", "))"
        case .unknownScoreEvents(let ids): "unknown score event ids: \(ids.map { "s\($0)" }.joined(separator: ", "))"
        case .leaseLost(let item, let node): "node \(node) no longer holds the lease on \(item.prefix(16)): another node took it over"
        }
    }
}
