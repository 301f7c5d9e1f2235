package import EvidenceModel
package import Foundation

/// The one-time passwords of a roster import, for the secretariat to hand each unit its own:
/// the same CSV conventions as the flag export (byte order mark, CRLF, cells defused against formulas).
package enum UnitPasswordsCSV {
    package static let header = ["code", "unit_name", "account", "password", "contact"]

    package static func data(_ accounts: [UnitRosterEntry], passwords: [String: String]) -> Data {
        var out = "\u{FEFF}" + FlagCSV.line(header)
        for entry in accounts {
            out += FlagCSV.line([entry.unit.code, entry.unit.name, entry.accountName, passwords[entry.unit.code] ?? "", entry.contact ?? ""]
                .map(FlagCSV.text))
        }
        return Data(out.utf8)
    }
}
