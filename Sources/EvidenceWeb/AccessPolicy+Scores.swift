package import EvidenceStore

/// A season's accepted scores, as this account may read them: an appraiser its units and
/// frameworks, the scoring system and an admin every unit, a unit its own and only once the
/// secretariat has published the season. A unit named that the account may not see is answered
/// as a missing one (404).
extension AccessPolicy {
    package func scores(framework: String, period: SeasonPeriod?, unit: String?, for account: UserAccount) async throws -> [UnitScores] {
        guard account.frameworks.map({ $0.contains(framework) }) ?? true else {
            if unit != nil { throw WebError.notFound }
            return []
        }
        var units = Self.unitScope(of: account).map { $0.sorted() }
        if let unit {
            guard units.map({ $0.contains(unit) }) ?? true else { throw WebError.notFound }
            units = [unit]
        }
        let query = SeasonQuery(framework: framework, period: period, units: units)
        let mustBePublished = account.role == .unit
        let (scores, published) = try await service.blocking { store in
            (try store.scores(query), mustBePublished ? try store.publishedPeriods(framework: framework) : [])
        }
        return mustBePublished ? scores.filter { $0.isPublished(in: published) } : scores
    }
}
