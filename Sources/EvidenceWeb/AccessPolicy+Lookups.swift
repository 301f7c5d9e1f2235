package import EvidenceService
package import EvidenceModel
package import EvidenceStore

/// The objects an id names, fetched and checked in one step: what this account may not see is
/// answered exactly like what does not exist (404), and a unit reads its flags redacted. Every
/// route that takes an id comes through here (AccessPolicyTests walks the router to make sure).
extension AccessPolicy {
    /// The submission, when this account may see it (and `use` it). `threads`: where the lookup
    /// runs (nil: `blockingThreads`).
    package func submission(_ id: String, for account: UserAccount, to use: Use = .read,
                            on threads: FixedThreadPool? = nil) async throws -> SubmissionSummary {
        let summary = try await service.blocking(on: threads) { try Self.visibleSummary(id, for: account, in: $0) }
        try Self.check(use, summary, account)
        return summary
    }

    /// A visible submission and its current flags, as this account may read them.
    package func flags(ofSubmission id: String, for account: UserAccount) async throws -> (SubmissionSummary, [QueuedFlag]) {
        let (summary, flags) = try await service.blocking { store in
            (try Self.visibleSummary(id, for: account, in: store), try store.list(submission: id))
        }
        return (summary, flags.map { Self.redacted($0, for: account) })
    }

    /// The flag (as this account may read it) and its submission, when the account may see that
    /// submission (and `use` the flag).
    package func flag(_ id: String, for account: UserAccount, to use: Use = .read,
                      on threads: FixedThreadPool? = nil) async throws -> (flag: QueuedFlag, submission: SubmissionSummary) {
        guard let number = Int64(id) else { throw WebError.notFound }
        let (flag, summary) = try await service.blocking(on: threads) { store in
            guard let flag = try store.flag(id: number) else { throw WebError.notFound }
            return (flag, try Self.visibleSummary(flag.submission, for: account, in: store))
        }
        try Self.check(use, summary, account)
        return (Self.redacted(flag, for: account), summary)
    }

    /// A document (by content), when this account may see a submission that holds it: its sha256
    /// in lower case.
    package func document(_ sha256: String, for account: UserAccount, on threads: FixedThreadPool? = nil) async throws -> String {
        guard sha256.count == 64, sha256.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) })
        else { throw WebError.notFound }
        let key = sha256.lowercased()
        let holders = try await service.blocking(on: threads) { try $0.holders(ofDocument: key) }
        guard holders.contains(where: { Self.maySee(unit: $0.unitCode, framework: $0.framework, precheck: $0.precheck, account) })
        else { throw WebError.notFound }
        return key
    }

    /// The submissions this account's list shows (its own pre-checks, for a unit).
    package func summaries(for account: UserAccount) async throws -> [SubmissionSummary] {
        try await summaries(for: account, includePrechecks: Self.listsPrechecks(account), limit: 200)
    }

    /// Current flags (never a pre-check's) this account may see, as it may read them: every one
    /// for an account without a scope, else those of its units' and frameworks' submissions. Only
    /// those after the flag id `after`, of `reason`, and the first `limit` of them, when given.
    package func flags(for account: UserAccount, after: Int64? = nil, reason: FlagReason? = nil,
                       limit: Int? = nil) async throws -> [QueuedFlag] {
        let scoped = Self.unitScope(of: account) != nil || account.frameworks != nil || account.disabled
        // Within a scope the page is counted after the scope's filter.
        var flags = try await service.blocking { try $0.list(after: after, reason: reason, limit: scoped ? nil : limit) }
        if scoped {
            let ids = Set(try await summaries(for: account, includePrechecks: false, limit: 1_000_000).map(\.id))
            flags = Array(flags.lazy.filter { ids.contains($0.submission) }.prefix(limit ?? .max))
        }
        return flags.map { Self.redacted($0, for: account) }
    }

    private func summaries(for account: UserAccount, includePrechecks: Bool, limit: Int) async throws -> [SubmissionSummary] {
        let scope = Self.unitScope(of: account)
        return try await service.blocking { try $0.submissionSummaries(unitCodes: scope, includePrechecks: includePrechecks, limit: limit) }
            .filter { Self.maySee(unit: $0.unit.code, framework: $0.framework, precheck: $0.precheck, account) }
    }

    private static func visibleSummary(_ id: String, for account: UserAccount, in store: Store) throws -> SubmissionSummary {
        guard id.count <= 256, let summary = try store.submissionSummary(id: id),
              maySee(unit: summary.unit.code, framework: summary.framework, precheck: summary.precheck, account)
        else { throw WebError.notFound }
        return summary
    }

    private static func check(_ use: Use, _ summary: SubmissionSummary, _ account: UserAccount) throws {
        switch use {
        case .read: return
        case .decide:
            try check(.decide, account)
            guard !summary.precheck else { throw Permission.decide.refusal }
        case .submitPrecheck: guard summary.precheck, allows(.createSubmission, account) else { throw WebError.notFound }
        }
    }
}
