package import EvidenceStore
import EvidenceModel
package import Foundation

/// Flags as CSV for appraisers who work in a spreadsheet (`evidenced flags export --csv`).
///
/// RFC 4180: comma-separated, CRLF line ends, a field in double quotes when it holds a comma, a
/// quote, CR or LF, quotes inside doubled. The text starts with a UTF-8 byte order mark: without it
/// Excel reads a CSV in the machine's ANSI code page (Windows-1258 on Vietnamese Windows) and turns
/// 'Ủy ban nhân dân' into mojibake; with it, Excel, LibreOffice and Google Sheets all read UTF-8.
/// Text is NFC, the precomposed form spreadsheet fonts render best.
///
/// A cell that starts with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`: the values come
/// partly from uploaded documents, and a spreadsheet would otherwise run them as formulas
/// (CSV injection).
package enum FlagCSV {
    package static let header = [
        "id", "submission", "unit_code", "unit_name", "claim_index", "indicator", "score",
        "reason", "message", "file", "page", "field", "box", "expected", "found", "created_at", "superseded_at",
        // The appraiser's decision: the current one, or with `trail` every version (one row each).
        "decision_id", "decision", "decided_by", "decided_at", "supported_score", "answer", "decision_comment", "decision_current",
    ]

    /// The whole file, byte order mark first; write it as UTF-8. `decisions`: each flag's trail,
    /// oldest first. Without `trail`, one row per flag with its current (latest) decision; with it,
    /// one row per decision (a flag without one still has its row), `decision_current` telling which holds.
    package static func render(_ flags: [QueuedFlag], decisions: [Int64: [FlagDecision]] = [:], trail: Bool = false) -> String {
        var out = "\u{FEFF}"
        out += line(header.map(field))
        for flag in flags {
            let versions = decisions[flag.id] ?? []
            if trail, !versions.isEmpty {
                for (index, decision) in versions.enumerated() {
                    out += line(row(flag) + decisionCells(decision, current: index == versions.count - 1))
                }
            } else {
                out += line(row(flag) + (versions.last.map { decisionCells($0, current: true) } ?? decisionCells(nil, current: false)))
            }
        }
        return out
    }

    /// The file's bytes.
    package static func data(_ flags: [QueuedFlag], decisions: [Int64: [FlagDecision]] = [:], trail: Bool = false) -> Data {
        Data(render(flags, decisions: decisions, trail: trail).utf8)
    }

    static func decisionCells(_ decision: FlagDecision?, current: Bool) -> [String] {
        guard let decision else { return Array(repeating: "", count: 8) }
        return [
            String(decision.id),
            decision.action.rawValue,
            text(decision.decidedBy),
            timestamp(decision.decidedAt),
            decision.supportedScore.map(number) ?? "",
            text(decision.answer ?? ""),
            text(decision.comment ?? ""),
            current ? "yes" : "no",
        ]
    }

    /// The flag's own cells (the first 17 columns).
    static func row(_ queued: QueuedFlag) -> [String] {
        [
            String(queued.id),
            text(queued.submission),
            text(queued.unit.code),
            text(queued.unit.name),
            String(queued.claimIndex),
            text(queued.indicator),
            number(queued.score),
            queued.flag.reason.rawValue,
            text(queued.flag.message),
            text(queued.flag.file ?? ""),
            queued.flag.page.map(String.init) ?? "",
            queued.flag.field?.rawValue ?? "",
            queued.flag.box.map(box) ?? "",
            text(queued.flag.expected ?? ""),
            text(queued.flag.found ?? ""),
            timestamp(queued.createdAt),
            queued.supersededAt.map(timestamp) ?? "",
        ]
    }

    /// 'x y width height' in fractions of the page, four decimals: one cell a spreadsheet keeps as text.
    static func box(_ box: Box) -> String {
        [box.x, box.y, box.width, box.height].map { String(format: "%.4f", $0) }.joined(separator: " ")
    }

    package static func line(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }

    /// A text cell: defused against formulas, NFC, then quoted as RFC 4180 requires.
    package static func text(_ value: String) -> String {
        var value = value.nfc
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        return field(value)
    }

    /// Quoted when it holds a comma, a quote, CR or LF, looked for by Unicode scalar: a quote with a
    /// combining mark after it (`"` U+0301) is one `Character` that equals no quote, yet a CSV
    /// reader sees the quote (it reads bytes) and would end the cell there.
    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// 3 rather than 3.0; 0.5 stays 0.5.
    package static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    package static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
