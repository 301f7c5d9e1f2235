import EvidenceModel

extension Reading {
    /// The type when the whole line is a type's name ('KẾ HOẠCH', OCR 'KE HOACH', 'QUYET PINH').
    static func typeName(of tokens: [Token]) -> DocumentType? {
        let words = tokens.filter { $0.hasLetter }
        guard (2...4).contains(words.count), words.allSatisfy(\.isUpperWord) else { return nil }
        return DocumentType.named(skeleton: Skeleton.of(words.map { String($0.bareKey) }.joined(separator: " ")))
    }

    /// 'BÁO CÁO Kết quả ...': the type's name in capitals, then the subject on the same line.
    static func typePrefix(of tokens: [Token]) -> (DocumentType, Int)? {
        guard tokens.count > 2, tokens.prefix(2).allSatisfy(\.isUpperWord) else { return nil }
        let skeletons = tokens.prefix(4).map { Skeleton.of($0.bareKey) }
        guard let (type, count) = DocumentType.prefix(of: skeletons), count < tokens.count,
              !tokens[count].isUpperWord else { return nil }
        return (type, count)
    }

    mutating func readTypeAndTitle() {
        bodyStart = headerEnd
        var found: (DocumentType, ParsedLine)?
        if let typeLine, let type = Self.typeName(of: cache.tokens(of: lines[typeLine])) {
            found = (type, lines[typeLine])
            readTitle(after: typeLine, firstWords: [])
        } else if let (type, index, rest) = typeWithSubject() {
            found = (type, lines[index])
            readTitle(after: index, firstWords: rest)
        } else if let vv = congVanSubject() {
            found = (DocumentType.congVan, vv.line)
            fields.title = vv.title
            set(.title, confidence: vv.title.allSatisfy(\.isASCII) ? 0.6 : 0.85, at: vv.line)
        } else {
            set(.title, confidence: 0.2, at: nil)
        }
        let symbolType = numberResult?.typeCode
        if let (type, line) = found {
            fields.type = type.code
            fields.typeName = type.name
            var confidence = 0.95
            if let symbolType, symbolType.code != type.code { confidence = 0.7 }
            if type.code == "CV", let symbolType { confidence = 0.5; _ = symbolType }
            set(.type, confidence: confidence, at: line)
        } else if let symbolType, let numberLine {
            fields.type = symbolType.code
            fields.typeName = symbolType.name
            set(.type, confidence: 0.6, at: lines[numberLine])
        } else {
            set(.type, confidence: 0.2, at: nil)
        }
        fields.fieldConfidence[.typeName] = fields.fieldConfidence[.type]
        if let location = fields.locations[.type] { fields.locations[.typeName] = location }
    }

    /// A type line of the form 'BÁO CÁO Kết quả ...' after the header.
    private func typeWithSubject() -> (DocumentType, Int, [Token])? {
        let from = numberLine ?? headerStart
        var index = from
        while index < min(lines.count, headerEnd + 8) {
            if !lines[index].isBlank, !stampLines.contains(index) {
                let tokens = cache.tokens(of: lines[index])
                if let (type, count) = Self.typePrefix(of: tokens), index > from || numberLine == nil {
                    return (type, index, Array(tokens[count...]))
                }
            }
            index += 1
        }
        return nil
    }

    private static let subjectMarks: Set<String> = ["V/V", "V/W", "V/Y", "VW", "VV", "V.V", "V/U", "V/"]

    /// A công văn's 'V/v ...' subject in the left column, with its continuation lines.
    private func congVanSubject() -> (title: String, line: ParsedLine)? {
        for (index, part) in columns.left.enumerated() {
            guard let first = part.tokens.first else { continue }
            // 'V/v' and its OCR forms: 'V/w', 'Vw', 'V/y', 'V.v'.
            let key = first.key.hasSuffix(":") ? String(first.key.dropLast()) : first.key
            guard Self.subjectMarks.contains(key) || key.hasPrefix("V/V") && key.count > 4 else { continue }
            var words = part.tokens.dropFirst().map { String($0.text) }
            if key.count > 4, key.hasPrefix("V/V") { words.insert(String(first.text.dropFirst(3)), at: 0) }
            var lastLine = part.line.number
            for next in columns.left[(index + 1)...] {
                guard next.line.page == part.line.page, next.line.number == lastLine + 1 else { break }
                guard let head = next.tokens.first, !head.key.hasPrefix("KINH"), !head.text.hasPrefix("/") else { break }
                words += next.tokens.map { String($0.text) }
                lastLine = next.line.number
                if words.count > 40 { break }
            }
            let title = words.joined(separator: " ").trimmingCharacters(in: [" ", ":"])
            guard !title.isEmpty else { return nil }
            return (String(title), part.line)
        }
        return nil
    }

    /// The subject: the lines after the type line up to a blank line or the preamble.
    private mutating func readTitle(after typeIndex: Int, firstWords: [Token]) {
        var words = firstWords.map { String($0.text) }
        var firstLine: ParsedLine? = firstWords.isEmpty ? nil : lines[typeIndex]
        var index = typeIndex + 1
        var skippedBlank = 0
        var collected = firstWords.isEmpty ? 0 : 1
        var upperTitle = false
        // The subject's lines: its place is all of them.
        var titleBoxes = firstWords.compactMap(\.box)
        while index < lines.count, collected < 4 {
            let line = lines[index]
            if line.isBlank || !line.text.contains(where: \.isLetter) {
                if collected > 0 { break }
                skippedBlank += 1
                if skippedBlank > 3 { break }
                index += 1; continue
            }
            let tokens = cache.tokens(of: line)
            if Self.endsTitle(tokens, collected: collected, upperTitle: upperTitle) { break }
            if collected == 0 { upperTitle = tokens.allSatisfy { $0.isUpperWord || !$0.hasLetter } }
            words += tokens.map { String($0.text) }
            if firstLine == nil { firstLine = line }
            if let box = line.box, line.page == firstLine?.page { titleBoxes.append(box) }
            collected += 1
            index += 1
        }
        bodyStart = index
        guard !words.isEmpty else { set(.title, confidence: 0.2, at: nil); return }
        let title = words.joined(separator: " ")
        fields.title = title
        var place = firstLine?.location
        if let box = Box.union(titleBoxes) { place?.box = box }
        set(.title, confidence: title.allSatisfy(\.isASCII) ? 0.6 : 0.9, place: place)
    }

    private static func endsTitle(_ tokens: [Token], collected: Int, upperTitle: Bool) -> Bool {
        guard let first = tokens.first else { return true }
        let key = first.bareKey
        let second = tokens.count > 1 ? tokens[1].bareKey : ""
        if key == "CAN" && second.hasPrefix("C") { return true }
        if key == "KINH" || key.hasPrefix("DIEU") || key == "PHAN" && second.count <= 4 { return true }
        if first.text.hasPrefix("-") || first.text.hasPrefix("+") { return true }
        if ["I.", "II.", "1.", "I11.", "A."].contains(first.key) { return true }
        guard collected > 0 else { return false }
        if (key == "THUC" || key == "THUE" || key == "THYC") && second.hasPrefix("HIEN") { return true }
        if key == "THEO" || key == "XET" { return true }
        let upper = tokens.filter(\.isUpperWord).count
        if !upperTitle && upper >= 3 && upper == tokens.filter({ $0.hasLetter }).count { return true }
        return false
    }
}
