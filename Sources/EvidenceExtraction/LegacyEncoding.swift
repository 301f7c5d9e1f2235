import Foundation
import EvidenceModel

/// Vietnamese text layers made with pre-Unicode fonts: the PDF maps glyphs to Latin-1 code points,
/// so poppler returns '§éc lËp - Tù do - H¹nh phóc' (TCVN3/.VnTime) or 'Ñoäc laäp' (VNI) for
/// 'Độc lập - Tự do - Hạnh phúc'. Both are detected and converted back.
package enum LegacyEncoding: String, Sendable, CaseIterable {
    case tcvn3, vni

    /// Converts `text` when it reads as legacy-encoded Vietnamese; nil when it is not (or when the
    /// conversion would not make it more Vietnamese).
    package static func repair(_ text: String) -> (text: String, encoding: LegacyEncoding)? {
        // Unicode text holds none of these symbols: skip the word-by-word scoring.
        var symbols = 0
        for scalar in text.unicodeScalars where scalar.value >= 0xA1 && scalar.value <= 0xFF {
            if VietnameseScore.legacyScalars.contains(scalar.value) { symbols += 1; if symbols >= 2 { break } }
        }
        guard symbols >= 2 else { return nil }
        let before = VietnameseScore(text)
        guard before.looksLegacy else { return nil }
        var best: (text: String, encoding: LegacyEncoding, score: VietnameseScore)?
        for encoding in allCases {
            let converted = encoding.decode(text)
            let score = VietnameseScore(converted)
            if score.isBetter(than: before), best.map({ (score.valid, -score.suspicious) > ($0.score.valid, -$0.score.suspicious) }) ?? true {
                best = (converted, encoding, score)
            }
        }
        return best.map { ($0.text, $0.encoding) }
    }

    package func decode(_ text: String) -> String {
        let converted: String
        switch self {
        case .tcvn3:
            converted = String(String.UnicodeScalarView(text.unicodeScalars.map { Self.tcvn3Table[$0] ?? $0 }))
        case .vni:
            converted = Self.decodeVNI(text)
        }
        return Self.restoreCapitals(converted.nfc)
    }

    /// TCVN3 converted character for character (so per-character boxes still line up), with the
    /// characters set in a capitals font ('.VnTimeH') upper-cased. Not NFC-normalised: callers do that.
    package static func tcvn3Characters(_ text: String, capitals: [ClosedRange<Int>]) -> String {
        var out = String.UnicodeScalarView()
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let converted = tcvn3Table[scalar] ?? scalar
            if capitals.contains(where: { $0.contains(offset) }),
               let upper = String(converted).uppercased().unicodeScalars.first,
               String(converted).uppercased().unicodeScalars.count == 1 {
                out.append(upper)
            } else {
                out.append(converted)
            }
        }
        return String(out)
    }

    /// The TCVN3 fonts whose lower-case codes draw capitals: '.VnTimeH', '.VnArialH', 'VnTimeH' (subset prefix allowed).
    package static func isTCVN3CapitalFont(_ name: String) -> Bool {
        let base = name.split(separator: "+").last.map(String.init) ?? name
        let plain = base.hasPrefix(".") ? String(base.dropFirst()) : base
        return plain.hasPrefix("Vn") && plain.split(separator: "-").first?.hasSuffix("H") == true
    }

    // TCVN 5712:1993 VN3 (the '.VnTime' fonts): lower-case letters at 0xA1-0xFE. Capitals come from
    // the '.VnTimeH' fonts with the same codes, so a capital word converts to lower-case vowels.
    private static let tcvn3Table: [Unicode.Scalar: Unicode.Scalar] = {
        let table: [(UInt32, String)] = [
            (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
            (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
            (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"), (0xBB, "ằ"), (0xBC, "ẳ"),
            (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"), (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"),
            (0xCB, "ậ"), (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"), (0xD2, "ề"),
            (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"), (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"),
            (0xDD, "í"), (0xDE, "ị"), (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
            (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"), (0xEA, "ờ"), (0xEB, "ở"),
            (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"), (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"),
            (0xF4, "ụ"), (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"), (0xFA, "ỳ"),
            (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (code, letter) in table { map[Unicode.Scalar(code)!] = letter.unicodeScalars.first! }
        return map
    }()

    // VNI Windows: a base letter followed by a mark character; a few letters are single characters.
    private static let vniMarks: [Character: String] = [
        "ù": "\u{301}", "ø": "\u{300}", "û": "\u{309}", "õ": "\u{303}", "ï": "\u{323}",
        "â": "\u{302}", "ê": "\u{306}",
        "á": "\u{302}\u{301}", "à": "\u{302}\u{300}", "å": "\u{302}\u{309}", "ã": "\u{302}\u{303}", "ä": "\u{302}\u{323}",
        "é": "\u{306}\u{301}", "è": "\u{306}\u{300}", "ú": "\u{306}\u{309}", "ü": "\u{306}\u{303}", "ë": "\u{306}\u{323}",
    ]
    private static let vniLetters: [Character: Character] = [
        "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
        "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
    ]
    private static let vniBases: Set<Character> = Set("aeouyAEOUYơƠưƯ")

    private static func decodeVNI(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for character in text {
            let lower = Character(character.lowercased())
            if let previous, vniBases.contains(previous), let marks = vniMarks[lower] {
                // 'ê' is the breve on 'a' but the circumflex on 'e': VNI writes 'eâ' for 'ê'.
                out += previous == "e" || previous == "E" ? marks.replacingOccurrences(of: "\u{306}", with: "\u{302}") : marks
                continue
            }
            let letter = vniLetters[character] ?? character
            out.append(letter)
            previous = letter
        }
        return out
    }

    /// '.VnTimeH' capitals come out as 'CộNG HOà': a line whose plain letters are all capitals is a
    /// heading, so all of it is upper-cased.
    private static func restoreCapitals(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let ascii = line.filter { $0.isASCII && $0.isLetter }
            return ascii.count >= 2 && ascii.allSatisfy(\.isUppercase) ? line.uppercased() : String(line)
        }.joined(separator: "\n")
    }
}

/// How Vietnamese a text looks: words made of Vietnamese letters against words holding symbols
/// that only legacy encodings produce.
struct VietnameseScore: Sendable {
    var words = 0
    /// Words that are well-formed Vietnamese syllables: Vietnamese letters only, at most one tone mark.
    var valid = 0
    /// Words holding symbols that only legacy encodings put inside words.
    var suspicious = 0

    init(_ text: String) {
        for word in text.split(whereSeparator: { $0.isWhitespace || "-,.;:()/\"'".contains($0) }) {
            guard word.contains(where: { $0.isLetter || Self.legacySymbols.contains($0) }) else { continue }
            words += 1
            if word.contains(where: { Self.legacySymbols.contains($0) }) { suspicious += 1 }
            if Self.isSyllable(word) { valid += 1 }
        }
    }

    /// Worth converting: legacy symbols in a fifth of the words, not one accented loan word.
    var looksLegacy: Bool { suspicious >= 2 && suspicious * 5 >= words }

    func isBetter(than other: VietnameseScore) -> Bool {
        valid > other.valid && suspicious < other.suspicious
    }

    static func isSyllable(_ word: Substring) -> Bool {
        var tones = 0
        for scalar in String(word).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x300, 0x301, 0x303, 0x309, 0x323: tones += 1
            case 0x302, 0x306, 0x31B: continue
            default:
                let letter = Character(scalar)
                guard (letter.isASCII && letter.isLetter) || "đĐ".contains(letter) else { return false }
            }
        }
        return tones <= 1
    }

    /// Characters that legacy encodings produce inside words and Vietnamese never uses.
    static let legacyScalars: Set<UInt32> = Set(legacySymbols.compactMap { $0.unicodeScalars.first?.value })

    static let legacySymbols: Set<Character> = {
        // Latin-1 letters and signs that are not Vietnamese letters; quotes and degrees stay out.
        let vietnamese = Set<Character>("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ«»°")
        return Set((0xA1...0xFF).compactMap { Unicode.Scalar($0).map(Character.init) }).subtracting(vietnamese)
    }()
    /// Letters only Vietnamese uses (precomposed, NFC).
    static let vietnameseOnly: Set<Character> = {
        var set = Set<Character>("ăâđêôơưĂÂĐÊÔƠƯ")
        for scalar in 0x1EA0...0x1EF9 { if let s = Unicode.Scalar(scalar) { set.insert(Character(s)) } }
        return set
    }()
}
