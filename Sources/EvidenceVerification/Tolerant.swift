import EvidenceModel
import Foundation

/// Comparisons that forgive what OCR and typing do to Vietnamese administrative text (case,
/// diacritics, spacing, 'Đ' read 'D', 'P' or 'b' in symbols, 'O'/'0', 'l'/'1', '-' read '.' or ':')
/// but never a different number, date or name.
package enum Tolerant {
    // MARK: Document numbers

    /// A key under which two spellings of the same number and symbol are equal (`DocumentNumber.key`).
    package static func numberKey(_ raw: String) -> String { DocumentNumber.key(raw) }

    package static func sameNumber(_ a: String, _ b: String) -> Bool {
        let left = numberKey(a), right = numberKey(b)
        return !left.isEmpty && left == right
    }

    /// The document type a number's symbol names ("45/KH-UBND" → "KH"); nil when none is known.
    package static func typeFromNumber(_ raw: String) -> String? {
        let segments = raw.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        for segment in segments.dropFirst() where !segment.isEmpty && !segment.allSatisfy(\.isNumber) {
            let head = segment.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == ":" }).first.map(String.init) ?? segment
            return DocumentType.canonical(head)
        }
        return nil
    }

    // MARK: Names and bodies

    /// What names merge of `OCRConfusion.lookAlikes`: 'l'/'1'/'I' and 'O'/'0'.
    private static let nameLookAlikes = OCRConfusion.lookAlikeMap(for: .names)

    /// Words of a name, folded, punctuation dropped, 'l'/'1'/'I' and 'O'/'0' merged.
    package static func words(_ raw: String) -> [String] {
        let folded = raw.folded
        var words: [String] = []
        var current = ""
        for char in folded {
            if char.isLetter || char.isNumber {
                current.append(nameLookAlikes[char] ?? char)
            } else if !current.isEmpty {
                words.append(current); current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Two people's names: the same words, in order. No fuzzy letters: 'THANH' is not 'THANG'.
    package static func sameName(_ a: String, _ b: String) -> Bool {
        let left = words(a), right = words(b)
        return !left.isEmpty && left == right
    }

    /// A body's name in words, abbreviations written out (`BodyWords.abbreviations`).
    package static func bodyWords(_ raw: String) -> [String] {
        words(raw).flatMap { BodyWords.abbreviations[$0] ?? [$0] }
    }

    /// Word equality for bodies' names: long words (five letters or more) may differ by one OCR
    /// slip; short words, where place names live, must be equal.
    static func sameBodyWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard a.count >= 5, b.count >= 5 else { return false }
        return a.editDistance(to: b, limit: 1) <= 1
    }

    /// The same issuing body: 'UBND HUYỆN TRÀ BỒNG' and 'UỶ BAN NHÂN DÂN HUYỆN TRÀ BỒNG' are; 'UBND HUYỆN SƠN TỊNH' is not.
    package static func sameBody(_ a: String, _ b: String) -> Bool {
        let left = bodyWords(a), right = bodyWords(b)
        guard !left.isEmpty, left.count == right.count else { return false }
        return zip(left, right).allSatisfy { sameBodyWord($0, $1) }
    }

    /// Whether a body's name contains a fragment ('HUYỆN ỦY' in 'BCH ĐẢNG BỘ HUYỆN ... HUYỆN ỦY THỌ XUÂN').
    package static func bodyContains(_ body: String, _ fragment: String) -> Bool {
        let haystack = bodyWords(body), needle = bodyWords(fragment)
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            if (0..<needle.count).allSatisfy({ sameBodyWord(haystack[start + $0], needle[$0]) }) { return true }
        }
        return false
    }

    // MARK: Topic words in OCR text

    /// Text reduced for topic search: folded, letters and digits only, single spaces, OCR
    /// confusions merged (0→O, 1/L→I).
    package static func searchable(_ raw: String) -> String {
        words(raw).joined(separator: " ")
    }

    /// Whether `text` (already `searchable`) mentions `phrase`, allowing about one slip in six
    /// letters ('chuyén ddi sb' mentions 'chuyển đổi số'); phrases under six letters must be exact words.
    package static func mentions(_ text: String, _ phrase: String) -> Bool {
        let needle = searchable(phrase)
        guard !needle.isEmpty else { return false }
        let allowed = needle.count / 6
        if allowed == 0 {
            return (" " + text + " ").contains(" " + needle + " ")
        }
        if text.contains(needle) { return true }
        return approximateContains(Array(text.unicodeScalars), Array(needle.unicodeScalars), maxErrors: allowed)
    }

    /// Any alternative of a keyword entry ('tổ công tác|ban chỉ đạo').
    package static func mentionsAny(_ text: String, alternatives entry: String) -> Bool {
        entry.split(separator: "|").contains { mentions(text, String($0)) }
    }

    /// Sellers' algorithm: does some substring of `text` ending a word lie within `maxErrors` edits of `pattern`?
    static func approximateContains(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar], maxErrors: Int) -> Bool {
        let m = pattern.count
        var previous = Array(0...m)
        var current = Array(repeating: 0, count: m + 1)
        for (position, char) in text.enumerated() {
            current[0] = 0
            for i in 1...m {
                let substitution = previous[i - 1] + (pattern[i - 1] == char ? 0 : 1)
                current[i] = min(substitution, previous[i] + 1, current[i - 1] + 1)
            }
            // A match must end a word: 'kinh tế s' is not 'kinh tế số' inside 'kinh tế sản xuất'.
            let endsWord = position + 1 == text.count || text[position + 1] == " "
            if current[m] <= maxErrors && endsWord { return true }
            swap(&previous, &current)
        }
        return false
    }
}
