import EvidenceModel
import EvidenceStore

/// Who may see what: every route that takes an id goes through here, and another unit's object
/// is answered exactly like a missing one (404).
extension WebService {
    /// The units an account's lists cover: nil for all.
    func unitScope(of account: UserAccount) -> Set<String>? {
        switch account.role {
        case .unit: return Set([account.unitCode].compactMap { $0 })
        case .appraiser: return account.unitCodes.map(Set.init)
        case .admin, .consumer: return nil
        }
    }

    /// The submission, when this account may see it; 404 otherwise.
    func visibleSubmission(_ id: String, for account: UserAccount) async throws -> SubmissionSummary {
        guard id.count <= 256, let summary = try await blocking({ try $0.submissionSummary(id: id) }),
              account.maySee(unitCode: summary.unit.code, framework: summary.framework),
              !summary.precheck || account.role == .unit || account.role == .admin
        else { throw WebError.notFound }
        return summary
    }

    /// Summaries this account may list (an appraiser's framework scope applied too).
    func visibleSummaries(for account: UserAccount, includePrechecks: Bool) async throws -> [SubmissionSummary] {
        let scope = unitScope(of: account)
        return try await blocking { try $0.submissionSummaries(unitCodes: scope, includePrechecks: includePrechecks) }
            .filter { account.maySee(unitCode: $0.unit.code, framework: $0.framework) }
    }

    /// A document (by content) may be seen by whoever may see a submission that holds it.
    func checkDocumentVisible(_ sha256: String, for account: UserAccount) async throws {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { throw WebError.notFound }
        let holders = try await blocking { try $0.holders(ofDocument: sha256.lowercased()) }
        guard holders.contains(where: { account.maySee(unitCode: $0.unitCode, framework: $0.framework) }) else { throw WebError.notFound }
    }
}
