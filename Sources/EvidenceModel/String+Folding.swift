import Foundation

extension String {
    /// Unicode NFC, the one form every stored and compared string is kept in. Foundation's
    /// normalisation is costly (a tenth of a born-digital page's time, called once per word), so
    /// text that is NFC by construction is returned as it is.
    package var nfc: String { isNFCByQuickCheck ? self : precomposedStringWithCanonicalMapping }

    /// True when every scalar is one that is NFC on its own and never combines with a neighbour
    /// (Unicode quick check 'Yes' with combining class 0): ASCII, Latin-1 and Latin Extended-A/B,
    /// the precomposed Vietnamese letters of Latin Extended Additional, punctuation and currency
    /// (₫). Anything else, a combining mark above all, goes through Foundation.
    var isNFCByQuickCheck: Bool {
        if utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) == true { return true }
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF: continue
            default: return false
            }
        }
        return true
    }

    /// A key for comparing Vietnamese text the way OCR damages it: diacritics removed ('đ' → 'd'),
    /// upper-cased, runs of white space folded to one space, trimmed. Text whose every letter folds
    /// to ASCII (all Vietnamese does) takes FastFold's table; the rest goes through decomposition.
    package var folded: String { FastFold.exactKey(self) ?? foldedByDecomposition }

    /// `folded` the long way, by Unicode decomposition: the definition the table is built from.
    var foldedByDecomposition: String {
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
