import EvidenceModel

/// One column's share of a header line.
struct HeaderPart: Sendable {
    var line: ParsedLine
    var tokens: [Token]
    var text: String { tokens.map(\.text).joined(separator: " ") }
}

/// The header's two columns read apart: left (parent body, issuer, number, 'V/v') and right (motto,
/// place and date).
struct HeaderColumns: Sendable {
    var left: [HeaderPart] = []
    var right: [HeaderPart] = []

    /// Splits one header line. Word boxes decide when the extraction kept them; a line box that sits in
    /// one half decides next; otherwise the words themselves ('CỘNG HÒA', 'Độc lập', '<place>, ngày').
    static func split(_ line: ParsedLine, tokens: [Token]) -> (left: [Token], right: [Token]) {
        if tokens.contains(where: { $0.midX != nil }) {
            let left = tokens.filter { ($0.midX ?? 0) < 0.45 }
            let right = tokens.filter { ($0.midX ?? 0) >= 0.45 }
            return (left, right)
        }
        if let box = line.box {
            if box.maxX <= 0.55 { return (tokens, []) }
            if box.x >= 0.40 { return ([], tokens) }
        }
        let cut = rightColumnStart(tokens)
        return (Array(tokens[..<cut]), Array(tokens[cut...]))
    }

    private static let skCong = Skeleton.of("CONG")
    private static let skHoa = Skeleton.of("HOA")
    private static let skLap = Skeleton.of("LAP")
    private static let skDang = Skeleton.of("DANG")
    private static let skChu = Skeleton.of("CHU")
    private static let mottoHead: [Set<String>] = [["CONG", "ONG", "CONC", "C0NG"], ["HOA", "HOA."], ["XA"], ["HOI", "HQI", "HO"]]
        .map { Set($0.map { Skeleton.of($0) }) }
    private static let skSan = Skeleton.of("SAN")

    /// Index of the first token of the right column in a line the OCR merged; `tokens.count` when none.
    static func rightColumnStart(_ tokens: [Token]) -> Int {
        // The motto's 'CHỦ NGHĨA' survives OCR that eats the start of 'CỘNG HÒA XÃ HỘI': walk back from it.
        let skeletons = tokens.map { Skeleton.of($0.bareKey) }
        for index in skeletons.indices.dropLast() where skeletons[index] == skChu && skeletons[index + 1].hasPrefix("NGH") {
            // Back through 'HỘI', 'XÃ', 'HÒA', 'CỘNG' in that order, as far as they are there.
            var start = index
            var step = mottoHead.count - 1
            while start > 0, step >= 0, mottoHead[step].contains(skeletons[start - 1]) { start -= 1; step -= 1 }
            if start < index { return start }
        }
        for (index, token) in tokens.enumerated() {
            let skeleton = Skeleton.of(token.bareKey)
            let next = index + 1 < tokens.count ? Skeleton.of(tokens[index + 1].bareKey) : ""
            if skeleton == skCong && next.hasPrefix(skHoa) { return index }
            // A party body's motto: 'ĐẢNG CỘNG SẢN VIỆT NAM'.
            if skeleton == skDang && next == skCong, index + 2 < tokens.count, Skeleton.of(tokens[index + 2].bareKey) == skSan {
                return index
            }
            if skeleton.count == 3 && skeleton.hasPrefix("D") && skeleton.hasSuffix("C") && next == skLap { return index }
            if DateReading.isDayWord(token), index > 0 {
                return placeStart(tokens, before: index)
            }
        }
        return tokens.count
    }

    /// Where the place before ', ngày' begins: a known province, else up to four capitalised words.
    static func placeStart(_ tokens: [Token], before dayIndex: Int) -> Int {
        guard dayIndex > 0, dayIndex <= tokens.count else { return min(max(dayIndex, 0), tokens.count) }
        let last = dayIndex - 1
        guard tokens[last].text.hasSuffix(",") else { return dayIndex }
        for count in stride(from: min(4, last + 1), through: 1, by: -1) {
            let keys = tokens[(last - count + 1)...last].map { String($0.bareKey) }
            if PlaceVocabulary.name(forKeys: keys) != nil { return last - count + 1 }
        }
        var start = last
        while start > 0, last - start < 3 {
            let previous = tokens[start - 1]
            let isWord = previous.isCapitalizedWord || previous.text == "-"
            if !isWord || NumberReading.soPrefix(previous) != nil { break }
            start -= 1
        }
        return start
    }
}
