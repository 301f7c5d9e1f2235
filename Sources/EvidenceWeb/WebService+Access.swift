import EvidenceService
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
        case .metrics: return []
        }
    }

    /// The submission, when this account may see it; 404 otherwise. `threads`: where the lookup
    /// runs (nil: `blockingThreads`).
    func visibleSubmission(_ id: String, for account: UserAccount, on threads: FixedThreadPool? = nil) async throws -> SubmissionSummary {
        guard id.count <= 256, let summary = try await blocking(on: threads, { try $0.submissionSummary(id: id) }),
              account.maySee(unitCode: summary.unit.code, framework: summary.framework),
              !summary.precheck || account.role == .unit || account.role == .admin
        else { throw WebError.notFound }
        return summary
    }

    /// Summaries this account may list (an appraiser's framework scope applied too).
    func visibleSummaries(for account: UserAccount, includePrechecks: Bool, limit: Int = 200) async throws -> [SubmissionSummary] {
        let scope = unitScope(of: account)
        return try await blocking { try $0.submissionSummaries(unitCodes: scope, includePrechecks: includePrechecks, limit: limit) }
            .filter { account.maySee(unitCode: $0.unit.code, framework: $0.framework) }
    }

    /// Current flags (never a pre-check's) this account may see: every one for an account without
    /// a scope, else those of its units' and frameworks' submissions.
    func visibleFlags(for account: UserAccount) async throws -> [QueuedFlag] {
        if unitScope(of: account) == nil, account.frameworks == nil, !account.disabled {
            return try await blocking { try $0.list() }
        }
        let ids = Set(try await visibleSummaries(for: account, includePrechecks: false, limit: 1_000_000).map(\.id))
        return try await blocking { try $0.list() }.filter { ids.contains($0.submission) }
    }

    /// What a unit may read of a flag: a copied document's flag names no other unit (who else holds
    /// the document is the council's to know).
    func redacted(_ flag: QueuedFlag, for account: UserAccount) -> QueuedFlag {
        guard account.role == .unit, flag.flag.reason == .duplicateEvidence else { return flag }
        var flag = flag
        flag.flag.message = "Tài liệu kiểm chứng \(flag.flag.file ?? "") cũng được một đơn vị khác nộp làm kiểm chứng; một tài liệu không thể chứng minh cho hai đơn vị."
        flag.flag.found = "Trùng với tài liệu kiểm chứng của một đơn vị khác"
        return flag
    }

    /// A document (by content) may be seen by whoever may see a submission that holds it.
    func checkDocumentVisible(_ sha256: String, for account: UserAccount, on threads: FixedThreadPool? = nil) async throws {
        guard sha256.count == 64, sha256.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) })
        else { throw WebError.notFound }
        let holders = try await blocking(on: threads) { try $0.holders(ofDocument: sha256.lowercased()) }
        // A pre-check's files are the unit's own until it submits them.
        let seesPrechecks = account.role == .unit || account.role == .admin
        guard holders.contains(where: { account.maySee(unitCode: $0.unitCode, framework: $0.framework) && (seesPrechecks || !$0.precheck) })
        else { throw WebError.notFound }
    }
}
