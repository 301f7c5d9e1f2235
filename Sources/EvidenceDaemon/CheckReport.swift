import EvidenceModel
import Foundation

/// The two forms of `evidenced check`'s output: JSON Lines for machines, a summary for people.
package enum CheckReport {
    package static func jsonLine(_ outcome: CheckRunner.Outcome) -> String {
        switch outcome {
        case .checked(let result): return JSONLines.encode(result)
        case .failed(let directory, let message):
            return JSONLines.encode(["directory": directory, "error": "invalid-submission", "message": message])
        }
    }

    package static func text(_ outcome: CheckRunner.Outcome) -> String {
        switch outcome {
        case .failed(let directory, let message):
            return "\(directory): error: \(message)"
        case .checked(let result):
            // `ClaimVerdict`, the one rule the pages, the API and the store's counts follow: a claim
            // whose flags only ask questions needs review, it is not flagged.
            let verdicts = result.claims.map { ClaimVerdict.of($0.flags.map(\.reason)) }
            let flagged = verdicts.count { $0 == .flagged }, asked = verdicts.count { $0 == .needsReview }
            var lines = ["\(result.submission) (\(result.unit.name)): \(result.claims.count) claims, \(flagged) flagged, \(asked) needs review"]
            for (claim, verdict) in zip(result.claims, verdicts) {
                let score = Points.text(claim.score)
                // Hand-filled figures confirmed by print elsewhere: say what settled them.
                let confirmed = claim.corroborations.map { "    confirmed \($0.field.rawValue) (\($0.source.rawValue)): \($0.detail)" }
                lines.append("  claim \(claim.index) \(claim.indicator) (\(score) points): \(verdict.rawValue)")
                lines += confirmed
                for flag in claim.flags {
                    let place = [flag.file, flag.page.map { "page \($0)" }].compactMap { $0 }.joined(separator: ", ")
                    lines.append("    \(flag.reason.rawValue): \(flag.message)\(place.isEmpty ? "" : " [\(place)]")")
                    if flag.expected != nil || flag.found != nil {
                        lines.append("      expected: \(flag.expected ?? "-"); found: \(flag.found ?? "-")")
                    }
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// One compact JSON object per line, keys sorted, slashes and Vietnamese left readable.
package enum JSONLines {
    package static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value), let line = String(data: data, encoding: .utf8) else {
            return #"{"error":"internal","message":"the result could not be encoded"}"#
        }
        return line
    }
}
