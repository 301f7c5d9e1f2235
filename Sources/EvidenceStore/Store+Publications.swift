import EvidenceModel
package import Foundation

/// The secretariat publishes a season's results to the units: before, a unit sees nothing of its
/// accepted scores (the appraisers may still change their minds); after, its own.
extension Store {
    package func publishSeason(framework: String, period: SeasonPeriod, by user: String, at date: Date = Date()) throws {
        _ = try database.write { db in
            try db.execute("""
                INSERT INTO season_publications (framework, period, publishedBy, publishedAt)
                VALUES (\(framework), \(period.text), \(user), \(date))
                ON CONFLICT (framework, period) DO NOTHING
                """)
        }
    }

    /// When the season was published; nil while it is not.
    package func seasonPublished(framework: String, period: SeasonPeriod) throws -> Date? {
        try database.read { db in
            try db.value("SELECT publishedAt FROM season_publications WHERE framework = \(framework) AND period = \(period.text)",
                         as: Date.self)
        }
    }
}

extension Store {
    /// The periods of the framework published so far (as `SeasonPeriod.text`).
    package func publishedPeriods(framework: String) throws -> Set<String> {
        try database.read { db in
            Set(try db.values("SELECT period FROM season_publications WHERE framework = \(framework)", as: String.self))
        }
    }
}

extension UnitScores {
    /// Whether the secretariat published this unit's season: its year or its exact period.
    package func isPublished(in periods: Set<String>) -> Bool {
        periods.contains(String(period.from.prefix(4))) || periods.contains("\(period.from)/\(period.to)")
    }
}
