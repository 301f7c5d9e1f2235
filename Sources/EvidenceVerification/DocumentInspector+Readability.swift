import Foundation
import EvidenceModel

/// A file that opened but holds nothing to read (a blank page, nothing left after OCR, a page of
/// noise) is unreadable: neither evidence nor something an appraiser can settle from a crop.
extension DocumentInspector {
    /// False when the document was flagged unreadable (nothing else is checked then).
    mutating func checkReadable() -> Bool {
        guard let reason = Readability.problem(of: document) else { return true }
        flags.append(Flag(reason: .unreadable,
                          message: "Không đọc được tệp kiểm chứng \(file): \(reason).",
                          file: file, page: 1, expected: "Văn bản có nội dung đọc được", found: reason))
        return false
    }
}

enum Readability {
    /// Fewer letters than this in the whole file: nothing a document could be read from.
    static let minimumLetters = 30
    /// OCR text where fewer than this share of the tokens look like words is noise.
    static let minimumWordShare = 0.45

    /// Why the document holds nothing readable, in Vietnamese; nil when it does.
    static func problem(of document: ExtractedDocument) -> String? {
        let text = document.text
        let letters = text.reduce(0) { $0 + ($1.isLetter ? 1 : 0) }
        if letters == 0 {
            return document.perPage.contains { $0.source == .ocr }
                ? "không có chữ nào sau khi nhận dạng (trang trắng)" : "tệp không có chữ nào (trang trắng)"
        }
        if letters < minimumLetters { return "chỉ có \(letters) chữ cái, không có nội dung văn bản" }
        // Noise: OCR of speckles gives short runs of mixed signs, few of them words.
        guard document.perPage.allSatisfy({ $0.source == .ocr }) else { return nil }
        let tokens = text.split(whereSeparator: { $0.isWhitespace })
        guard !tokens.isEmpty else { return nil }
        let wordlike = tokens.filter(isWordlike).count
        let share = Double(wordlike) / Double(tokens.count)
        let confidences = document.perPage.compactMap(\.confidence)
        let confidence = confidences.isEmpty ? 1 : confidences.reduce(0, +) / Double(confidences.count)
        if wordlike < 15 || (share < minimumWordShare && confidence < 0.5) {
            return "chỉ nhận dạng được nhiễu (\(wordlike) từ trên \(tokens.count) ký hiệu)"
        }
        return nil
    }

    /// A token that could be a Vietnamese word or a number: letters (with one trailing
    /// punctuation mark), a vowel among them, at most seven letters; or digits.
    static func isWordlike(_ token: Substring) -> Bool {
        var core = token
        while let last = core.last, ",.;:)!?".contains(last) { core = core.dropLast() }
        while let first = core.first, "(\"'“".contains(first) { core = core.dropFirst() }
        guard !core.isEmpty else { return false }
        if core.allSatisfy({ $0.isNumber || $0 == "/" || $0 == "-" }) { return core.contains(where: \.isNumber) }
        guard core.allSatisfy(\.isLetter), core.count <= 8 else { return false }
        let folded = String(core).folded
        return folded.contains(where: { "AEIOUY".contains($0) })
    }
}
