import EvidenceModel
package import Foundation
import GRDB

/// The secretariat publishes a season's results to the units: before, a unit sees nothing of its
/// accepted scores (the appraisers may still change their minds); after, its own.
extension Store {
    package func publishSeason(framework: String, period: SeasonPeriod, by user: String, at date: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO season_publications (framework, period, publishedBy, publishedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT(framework, period) DO NOTHING
                """, arguments: [framework, period.text, user, date])
        }
    }

    /// When the season was published; nil while it is not.
    package func seasonPublished(framework: String, period: SeasonPeriod) throws -> Date? {
        try writer.read { db in
            try Date.fetchOne(db, sql: "SELECT publishedAt FROM season_publications WHERE framework = ? AND period = ?",
                              arguments: [framework, period.text])
        }
    }
}

extension Store {
    /// The periods of the framework published so far (as `SeasonPeriod.text`).
    package func publishedPeriods(framework: String) throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT period FROM season_publications WHERE framework = ?", arguments: [framework]))
        }
    }
}

extension UnitScores {
    /// Whether the secretariat published this unit's season: its year or its exact period.
    package func isPublished(in periods: Set<String>) -> Bool {
        periods.contains(String(period.from.prefix(4))) || periods.contains("\(period.from)/\(period.to)")
    }
}
