import Foundation

extension String {
    /// Unicode NFC, the one form every stored and compared string is kept in.
    public var nfc: String { precomposedStringWithCanonicalMapping }

    /// A key for comparing Vietnamese text the way OCR damages it: diacritics removed ('đ' → 'd'),
    /// upper-cased, runs of white space folded to one space, trimmed.
    public var folded: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar {
            case "đ", "Đ", "Ð", "ð": out.append("D")
            default: out.append(contentsOf: String(scalar).uppercased().unicodeScalars)
            }
        }
        return String(out)
    }
}
