import EvidenceModel

/// Dates as Vietnamese documents print them: 'ngày 29 tháng 3 năm 2024' or 'ngày 19/02/2024', with the
/// English model's misreadings ('ngay 29 thang 3 ndm 2024').
enum DateReading {
    struct Result: Sendable {
        /// ISO yyyy-MM-dd, nil when blank or unreadable.
        var iso: String?
        var confidence: Double
        /// How many tokens the date took, from the 'ngày' word.
        var length: Int
    }

    static func isDayWord(_ token: Token) -> Bool { isDayKey(leadingLetters(token.bareKey)) }

    private static func isDayKey(_ key: Substring) -> Bool {
        if key == "NGAY" || key == "NGAV" || key == "NGIY" { return true }
        // A stray mark inside the word ('ng§ay' → 'NG~AY').
        return key.count == 5 && key.hasPrefix("NG") && key.hasSuffix("AY")
    }

    private static func leadingLetters(_ key: Substring) -> Substring {
        var letters = key.prefix { ($0 >= "A" && $0 <= "Z") || $0 == "~" }
        while letters.hasSuffix("~") { letters = letters.dropLast() }
        return letters
    }

    static func isMonthWord(_ key: Substring) -> Bool {
        key.count == 5 && key.hasPrefix("TH") && (key.hasSuffix("NG") || key.hasSuffix("NC") || key.hasSuffix("RG"))
    }

    static func isYearWord(_ key: Substring) -> Bool {
        key.count == 3 && key.hasPrefix("N") && key.hasSuffix("M")
    }

    /// The folded words cut where OCR glued words to figures or marks: 'NGAY-11' → 'NGAY', '11';
    /// 'NAM'2024' → 'NAM', '2024'. Slashes stay, for '19/02/2024'; 'Ø' is a zero.
    private static func pieces(_ words: ArraySlice<Substring>) -> [Substring] {
        var out = [Substring]()
        for word in words {
            let hasSlashedO = word.unicodeScalars.contains { $0 == "\u{D8}" || $0 == "\u{F8}" }
            let key = hasSlashedO
                ? FastFold.key(String(String.UnicodeScalarView(word.unicodeScalars.map { $0 == "\u{D8}" || $0 == "\u{F8}" ? "0" : $0 })))
                : FastFold.key(word)
            let bytes = key.utf8
            var start: String.Index?
            var startIsDigit = false
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                let isDigit = byte >= 48 && byte <= 57
                let isLetter = (byte >= 65 && byte <= 90) || byte == 126
                let isSlash = byte == 47
                if let begun = start {
                    let previous = bytes[bytes.index(before: index)]
                    let continues = isSlash || (isDigit || isLetter) && (isDigit == startIsDigit || previous == 47)
                    if !continues {
                        out.append(key[begun..<index]); start = nil
                    }
                }
                if start == nil, isDigit || isLetter || isSlash { start = index; startIsDigit = isDigit }
                index = bytes.index(after: index)
            }
            if let begun = start { out.append(key[begun..<bytes.endIndex]) }
        }
        return out
    }

    /// Reads a date whose 'ngày' is `tokens[start]`.
    static func read(_ tokens: [Token], from start: Int) -> Result? {
        guard start < tokens.count, isDayWord(tokens[start]) else { return nil }
        return read(words: tokens[start..<min(tokens.count, start + 10)].map(\.text))
    }

    /// Reads a date from words as printed, the first being 'ngày'.
    static func read(words: [Substring]) -> Result? {
        let keys = pieces(words[...])
        guard let first = keys.first, isDayKey(leadingLetters(first)) else { return nil }
        var index = 1
        // 'ngày 19/02/2024'
        if index < keys.count, let (day, month, year) = slashed(keys[index]) {
            return Result(iso: iso(day, month, year), confidence: 0.9, length: 2)
        }
        var dayKeys = [Substring]()
        while index < keys.count, !isMonthWord(keys[index]), dayKeys.count < 2 { dayKeys.append(keys[index]); index += 1 }
        guard index < keys.count, isMonthWord(keys[index]) else { return nil }
        var wordsRepaired = keys[index] != "THANG" || first != "NGAY"
        index += 1
        var monthKeys = [Substring]()
        while index < keys.count, !isYearWord(keys[index]), monthKeys.count < 2 { monthKeys.append(keys[index]); index += 1 }
        guard index + 1 < keys.count, isYearWord(keys[index]) else { return nil }
        wordsRepaired = wordsRepaired || keys[index] != "NAM"
        let yearKey = keys[index + 1]
        let length = min(words.count, index + 2)
        guard yearKey.count == 4, let year = Int(yearKey) else { return Result(iso: nil, confidence: 0.2, length: length) }
        // A blank day or month (filled by hand later) or a misread handwritten figure: no date.
        guard dayKeys.count == 1, monthKeys.count == 1, let day = Int(dayKeys[0]), let month = Int(monthKeys[0]),
              dayKeys[0].count <= 2, monthKeys[0].count <= 2 else {
            return Result(iso: nil, confidence: 0.2, length: length)
        }
        guard let value = iso(day, month, year) else { return Result(iso: nil, confidence: 0.2, length: length) }
        return Result(iso: value, confidence: wordsRepaired ? 0.85 : 0.95, length: length)
    }

    /// 'dd/mm/yyyy' (or with dots or dashes).
    static func slashed(_ key: Substring) -> (Int, Int, Int)? {
        let parts = key.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return (day, month, year)
    }

    static func iso(_ day: Int, _ month: Int, _ year: Int) -> String? {
        guard (1945...2100).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Where the words of 'ngày … tháng … năm YYYY' are among the tokens.
    struct Layout: Equatable {
        var dayWord: Int
        var monthWord: Int
        var yearWord: Int
    }

    /// The word positions of a date whose 'ngày' is `tokens[dayIndex]`; nil when 'tháng' or 'năm' is missing.
    static func layout(_ tokens: [Token], from dayIndex: Int) -> Layout? {
        let keys = tokens.map { leadingLetters($0.bareKey) }
        guard let month = (dayIndex + 1..<min(tokens.count, dayIndex + 4)).first(where: { isMonthWord(keys[$0]) }),
              let year = (month + 1..<min(tokens.count, month + 4)).first(where: { isYearWord(keys[$0]) }) else { return nil }
        return Layout(dayWord: dayIndex, monthWord: month, yearWord: year)
    }

    /// The printed month and year ('2025-02'), or the year alone ('2025'); nil when the year is not
    /// read (for sure: every figure at `minimumConfidence` or more, when the tokens carry confidences).
    static func partial(_ tokens: [Token], layout: Layout, minimumConfidence: Double = 0) -> String? {
        func sure(_ token: Token) -> Bool { (token.confidence ?? 1) >= minimumConfidence }
        guard layout.yearWord + 1 < tokens.count else { return nil }
        let yearToken = tokens[layout.yearWord + 1]
        let yearText = yearToken.text.trimmingCharacters(in: Token.punctuation)
        guard yearText.count == 4, yearText.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(yearText),
              (1945...2100).contains(year), sure(yearToken) else { return nil }
        let monthTokens = tokens[(layout.monthWord + 1)..<layout.yearWord]
        let monthText = monthTokens.map { $0.text.trimmingCharacters(in: Token.punctuation) }.joined()
        guard monthTokens.allSatisfy(sure), (1...2).contains(monthText.count), monthText.allSatisfy({ $0.isASCII && $0.isNumber }),
              let month = Int(monthText), (1...12).contains(month) else { return String(yearText) }
        return "\(yearText)-\(month < 10 ? "0" : "")\(month)"
    }

    /// 'ngàyÊtháng', 'ngày0)' read apart: OCR glues a hand-filled day to the printed words around it.
    static func splittingGluedWords(_ tokens: [Token]) -> [Token] {
        var out = [Token]()
        out.reserveCapacity(tokens.count)
        for token in tokens {
            let text = token.text
            guard text.count > 4, token.key.hasPrefix("NGAY") || token.key.hasSuffix("THANG") else { out.append(token); continue }
            var rest = text[...]
            if FastFold.key(rest.prefix(4)) == "NGAY" {
                out.append(token.with(text: rest.prefix(4)))
                rest = rest.dropFirst(4)
            }
            if rest.count > 5, FastFold.key(rest.suffix(5)) == "THANG" {
                out.append(token.with(text: rest.dropLast(5)))
                out.append(token.with(text: rest.suffix(5)))
            } else if !rest.isEmpty {
                out.append(token.with(text: rest))
            }
        }
        return out
    }
}
