import Foundation
import EvidenceModel

extension Tolerant {
    /// Letters OCR takes for one another in names set in a serif face ('rn' for 'm', 'cl' for 'd').
    static let confusable: [(String, String)] = [("RN", "M"), ("CL", "D"), ("II", "U"), ("C", "E"), ("G", "Q"), ("VV", "W")]

    /// The declared signer and the name read: the same person when the words are equal, when the
    /// read name has one more word at its start or end that belongs to the other block of a
    /// two-block signature (minutes: THƯ KÝ | CHỦ TRÌ), or when one word differs by an OCR slip
    /// between look-alike letters. A different letter elsewhere ('THANH'/'THANG') is another person.
    package static func sameSigner(_ declared: String, _ found: String, otherColumns: [String] = [], twoBlocks: Bool = false) -> Bool {
        let want = words(declared), got = words(found)
        guard !want.isEmpty, !got.isEmpty else { return false }
        if want == got { return true }
        if got.count == want.count + 1 {
            let otherWords = Set(otherColumns.flatMap(words))
            if Array(got.dropFirst()) == want, let extra = got.first, twoBlocks || otherWords.contains(extra) { return true }
            if Array(got.dropLast()) == want, let extra = got.last, twoBlocks || otherWords.contains(extra) { return true }
        }
        guard got.count == want.count else { return false }
        let differing = zip(want, got).filter { $0 != $1 }
        guard differing.count == 1, let (a, b) = differing.first else { return false }
        return lookAlike(a, b)
    }

    /// Two words equal once one look-alike pair is swapped in one place.
    static func lookAlike(_ a: String, _ b: String) -> Bool {
        for (x, y) in confusable {
            for (from, to) in [(x, y), (y, x)] {
                var search = a.startIndex..<a.endIndex
                while let range = a.range(of: from, range: search) {
                    if a.replacingCharacters(in: range, with: to) == b { return true }
                    search = range.upperBound..<a.endIndex
                }
            }
        }
        return false
    }

    /// Whether a person's name stands on a line of its own somewhere in the text (a signature
    /// block of another part of the file).
    static func standsAlone(_ name: String, in text: String) -> Bool {
        let want = words(name)
        guard want.count >= 2 else { return false }
        return text.split(whereSeparator: \.isNewline).contains { words(String($0)) == want }
    }

    /// The figures of a document number, before its symbol ('24/TTr-UBND' → '24'); nil if none.
    static func figures(of number: String) -> String? {
        let digits = String(number.prefix { $0.isASCII && $0.isNumber })
        return digits.isEmpty ? nil : digits
    }

    /// The symbol of a document number, after the figures ('24/TTr-UBND' → 'TTr-UBND').
    static func symbol(of number: String) -> String? {
        guard let slash = number.firstIndex(of: "/") else { return nil }
        let rest = number[number.index(after: slash)...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }

    /// Symbols compared as numbers are ('QD-UBND' = 'QĐ-UBND'); a year before it is ignored on
    /// either side when the other has none.
    static func sameSymbol(_ a: String, _ b: String) -> Bool {
        sameNumber("1/" + withoutYear(a), "1/" + withoutYear(b))
    }

    /// '2005/QĐ-UBND' → 'QĐ-UBND'.
    private static func withoutYear(_ s: String) -> String {
        let parts = s.split(separator: "/")
        if parts.count > 1, parts[0].allSatisfy(\.isNumber) { return parts.dropFirst().joined(separator: "/") }
        return s
    }

    /// '2005/QĐ-UBND' → '2005'.
    private static func year(_ s: String) -> String? {
        let parts = s.split(separator: "/")
        return parts.count > 1 && parts[0].allSatisfy(\.isNumber) ? String(parts[0]) : nil
    }

    /// Whether the symbol read may be the declared one as OCR misreads it ('QĐÐ-UBND' for
    /// 'QĐ-UBND', 'TIr-UBND' for 'TTr-UBND': `DocumentNumber.symbolMayBeMisread`, through the
    /// parser's `OCRConfusion.table`). Such a symbol is no evidence of another document: it never
    /// accuses. A year before it must agree when both have one.
    static func plausibleSymbol(declared: String, read: String) -> Bool {
        if let a = year(declared), let b = year(read), Int(a) != Int(b) { return false }
        return DocumentNumber.symbolMayBeMisread(declared: withoutYear(declared), read: withoutYear(read))
    }

    /// The declared number and a reading with the same figures (and year) whose symbol differs from
    /// the declared one only as OCR misreads it: '47/QĐÐ-UBND' for '47/QĐ-UBND'.
    package static func plausiblySameNumber(_ declared: String, _ read: String) -> Bool {
        if sameNumber(declared, read) { return true }
        let left = numberKey(declared).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let right = numberKey(read).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard left.count == 2, right.count == 2, left[0] == right[0], left[0].contains(where: \.isNumber),
              let declaredSymbol = symbol(of: declared), let readSymbol = symbol(of: read) else { return false }
        return plausibleSymbol(declared: declaredSymbol, read: readSymbol)
    }
}
