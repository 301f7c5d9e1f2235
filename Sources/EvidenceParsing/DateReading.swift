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

    static func isDayWord(_ token: Token) -> Bool {
        let key = token.bareKey
        if key == "NGAY" || key == "NGAV" || key == "NGIY" { return true }
        // A stray mark inside the word ('ng§ay').
        guard key.count == 5, key.hasPrefix("NG"), key.hasSuffix("AY") else { return false }
        return true
    }

    private static func isMonthWord(_ key: Substring) -> Bool {
        key.count == 5 && key.hasPrefix("TH") && (key.hasSuffix("NG") || key.hasSuffix("NC") || key.hasSuffix("RG"))
    }

    private static func isYearWord(_ key: Substring) -> Bool {
        key.count == 3 && key.hasPrefix("N") && key.hasSuffix("M")
    }

    /// Reads a date whose 'ngày' is `tokens[start]`.
    static func read(_ tokens: [Token], from start: Int) -> Result? {
        guard start < tokens.count, isDayWord(tokens[start]) else { return nil }
        var index = start + 1
        // 'ngày 19/02/2024'
        if index < tokens.count, let (day, month, year) = slashed(tokens[index].bareKey) {
            return Result(iso: iso(day, month, year), confidence: 0.9, length: 2)
        }
        var dayTokens = [Substring]()
        while index < tokens.count, !isMonthWord(tokens[index].bareKey), dayTokens.count < 2 {
            dayTokens.append(tokens[index].bareKey); index += 1
        }
        guard index < tokens.count, isMonthWord(tokens[index].bareKey) else { return nil }
        var wordsRepaired = tokens[index].bareKey != "THANG"
        index += 1
        var monthTokens = [Substring]()
        while index < tokens.count, !isYearWord(tokens[index].bareKey), monthTokens.count < 2 {
            monthTokens.append(tokens[index].bareKey); index += 1
        }
        guard index + 1 < tokens.count, isYearWord(tokens[index].bareKey) else { return nil }
        wordsRepaired = wordsRepaired || tokens[index].bareKey != "NAM" || !isDayWordExact(tokens[start])
        let yearKey = tokens[index + 1].bareKey
        let length = index + 2 - start
        guard yearKey.count == 4, let year = Int(yearKey) else { return Result(iso: nil, confidence: 0.2, length: length) }
        // A blank day or month (filled by hand later) or a misread handwritten figure: no date.
        guard dayTokens.count == 1, monthTokens.count == 1,
              let day = Int(dayTokens[0]), let month = Int(monthTokens[0]),
              dayTokens[0].count <= 2, monthTokens[0].count <= 2 else {
            return Result(iso: nil, confidence: 0.2, length: length)
        }
        guard let value = iso(day, month, year) else { return Result(iso: nil, confidence: 0.2, length: length) }
        return Result(iso: value, confidence: wordsRepaired ? 0.85 : 0.95, length: length)
    }

    private static func isDayWordExact(_ token: Token) -> Bool { token.bareKey == "NGAY" }

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
}
