import EvidenceModel
package import EvidenceStore
package import Foundation

/// A season's accepted scores as CSV, one row per claim, with its unit's totals on every row (a
/// spreadsheet's filter on one unit shows them): the flag export's conventions (byte order mark,
/// CRLF, cells defused against formulas).
package enum ScoresCSV {
    package static let header = [
        "unit_code", "unit_name", "submission", "framework", "period_from", "period_to", "state",
        "unit_claimed_total", "unit_accepted_total",
        "claim_index", "indicator", "claimed", "accepted", "status", "open_flags",
        "flag_id", "reason", "decision_id", "decided_by", "decided_at", "decision_comment",
    ]

    package static func data(_ units: [UnitScores]) -> Data {
        var out = "\u{FEFF}" + FlagCSV.line(header)
        for unit in units {
            let unitCells = [FlagCSV.text(unit.unit.code), FlagCSV.text(unit.unit.name), FlagCSV.text(unit.submission),
                             FlagCSV.text(unit.framework), unit.period.from, unit.period.to, unit.state.rawValue,
                             FlagCSV.number(unit.claimed), FlagCSV.number(unit.accepted)]
            for claim in unit.claims {
                out += FlagCSV.line(unitCells + [
                    String(claim.claimIndex), FlagCSV.text(claim.indicator), FlagCSV.number(claim.claimed), FlagCSV.number(claim.accepted),
                    claim.status.rawValue, String(claim.openFlags), claim.flagId.map(String.init) ?? "", claim.reason?.rawValue ?? "",
                    claim.decision.map { String($0.id) } ?? "", FlagCSV.text(claim.decision?.decidedBy ?? ""),
                    claim.decision.map { FlagCSV.timestamp($0.decidedAt) } ?? "", FlagCSV.text(claim.decision?.comment ?? ""),
                ])
            }
        }
        return Data(out.utf8)
    }
}
