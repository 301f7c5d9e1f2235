import EvidenceModel

/// Whether a PDF page's text layer really holds the page's text, decided per page.
struct TextLayerAssessment: Sendable {
    enum Verdict: Sendable, Equatable {
        /// Use the text layer (converted from a legacy encoding when `legacy` is set).
        case useText(legacy: LegacyEncoding?)
        /// OCR the page; the reason goes into the warnings when it is not the ordinary scan case.
        case ocr(reason: String)
    }

    var verdict: Verdict
    var signature: DigitalSignature?
    /// The text to keep when the verdict is `useText`: stamp included, legacy encoding repaired, NFC.
    var text: String

    /// Letters needed for a text layer that sits over a scan to count as the page's text.
    static let minimumLetters = 40

    /// `imageCoverage` is asked only for pages with little text: it costs poppler another pass.
    init(text raw: String, imageCoverage: () -> Double) {
        let (signature, rest) = SignatureStamp.split(raw)
        self.signature = signature
        let letters = Self.letterCount(rest)
        let repaired = LegacyEncoding.repair(raw)
        let kept = (repaired?.text ?? raw).nfc
        text = kept

        if Self.isGarbage(repaired == nil ? rest : kept) {
            verdict = .ocr(reason: "text layer is not readable text (unknown font encoding)")
        } else if letters == 0 {
            // Nothing but a stamp (or nothing at all): a scan if there is anything drawn.
            verdict = signature != nil || imageCoverage() > 0.05
                ? .ocr(reason: signature == nil ? "no text layer" : "text layer holds only a digital-signature stamp")
                : .useText(legacy: nil)
        } else if letters < Self.minimumLetters, imageCoverage() >= 0.5 {
            verdict = .ocr(reason: "text layer too sparse for a scanned page")
        } else {
            verdict = .useText(legacy: repaired?.encoding)
        }
    }

    /// Letters (scalars, ASCII fast) in the text.
    static func letterCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let v = scalar.value | 0x20
                if v >= 0x61 && v <= 0x7A { count += 1 }
            } else if isVietnameseLetter(scalar.value) || scalar.properties.isAlphabetic { count += 1 }
        }
        return count
    }

    /// Latin letters with diacritics, decided without Unicode property tables (a hot path).
    @inline(__always)
    static func isVietnameseLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1EA0...0x1EF9: return true
        default: return false
        }
    }

    /// A layer of unmapped glyph codes: mostly symbols or private-use characters where letters should be.
    static func isGarbage(_ text: String) -> Bool {
        var letters = 0, odd = 0
        for scalar in text.unicodeScalars {
            // ASCII decides without Unicode property tables.
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { letters += 1 }
                else if byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x0C { odd += 1 }
                continue
            }
            if isVietnameseLetter(scalar.value) { letters += 1; continue }
            if scalar.properties.isWhitespace { continue }
            let category = scalar.properties.generalCategory
            if category == .privateUse || category == .control || category == .unassigned || scalar == "\u{FFFD}" {
                odd += 1
            } else if scalar.properties.isAlphabetic || category == .decimalNumber {
                letters += 1
            } else if VietnameseScore.legacySymbols.contains(Character(scalar)) {
                odd += 1
            }
        }
        return odd > 0 && odd * 4 > letters
    }
}
