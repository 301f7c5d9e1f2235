/// One evaluation season: a framework's submissions of a period, one per unit (its latest), never a
/// pre-check, within an account's scope.
package struct SeasonQuery: Hashable, Sendable {
    package var framework: String
    package var period: SeasonPeriod?
    /// The units the asking account may see (nil: all).
    package var units: [String]?

    package init(framework: String, period: SeasonPeriod? = nil, units: [String]? = nil) {
        self.framework = framework; self.period = period; self.units = units
    }
}

/// Which period: a year (`2024`: every period that begins in it) or an exact one (`2024-01-01/2024-12-31`).
package enum SeasonPeriod: Hashable, Sendable {
    case year(Int)
    case exact(from: String, to: String)

    /// nil for anything else.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, text.count == 4, let year = Int(text), year >= 1900, year <= 2999 { self = .year(year); return }
        guard parts.count == 2, parts.allSatisfy(Self.isISODate), parts[0] <= parts[1] else { return nil }
        self = .exact(from: parts[0], to: parts[1])
    }

    package var text: String {
        switch self {
        case .year(let year): String(year)
        case .exact(let from, let to): "\(from)/\(to)"
        }
    }

    private static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
    }
}
