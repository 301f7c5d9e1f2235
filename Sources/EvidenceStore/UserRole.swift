/// What an account may do in the web service and its API.
package enum UserRole: String, Codable, Hashable, Sendable, CaseIterable {
    /// One unit's officers: their own submissions only.
    case unit
    /// The appraisal council and its secretariat, optionally limited to frameworks or units.
    case appraiser
    /// The scoring system: the API only, never the pages.
    case consumer
    case admin
    /// A metrics scraper (Prometheus): an API token that reads `/metrics` and nothing else.
    case metrics
}
