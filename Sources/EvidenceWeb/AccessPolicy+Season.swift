package import EvidenceStore

/// The season page's units: an appraiser's assigned units of its frameworks, the secretariat's all.
extension AccessPolicy {
    package func seasonOverview(framework: String, period: SeasonPeriod?, for account: UserAccount) async throws -> SeasonOverview {
        try Self.check(.season, account)
        guard account.frameworks.map({ $0.contains(framework) }) ?? true else {
            return SeasonOverview(units: [], flagsByReason: [:], days: [])
        }
        let query = SeasonQuery(framework: framework, period: period, units: Self.unitScope(of: account).map { $0.sorted() })
        return try await service.blocking { try $0.seasonOverview(query) }
    }
}
