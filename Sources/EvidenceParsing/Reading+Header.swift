import EvidenceModel

extension Reading {
    /// Reads the header: issuer and parent, number, place and date.
    mutating func readHeader() {
        guard let start = lines.firstIndex(where: { !$0.isBlank }) else { return }
        headerStart = start
        var index = start
        var nonBlank = 0
        var inStamp = 0
        while index < lines.count, nonBlank < 24 {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            nonBlank += 1
            let tokens = cache.tokens(of: line)
            if Self.startsStamp(tokens) { inStamp = 3; stampLines.insert(index); index += 1; continue }
            if inStamp > 0 {
                inStamp -= 1
                if Self.continuesStamp(tokens) { stampLines.insert(index); index += 1; continue }
                inStamp = 0
            }
            if nonBlank > 1, Reading.typeName(of: tokens) != nil { typeLine = index; break }
            if let first = tokens.first, Self.bodyStarts(first, tokens) { break }
            let (left, right) = HeaderColumns.split(line, tokens: tokens)
            if !left.isEmpty { columns.left.append(HeaderPart(line: line, tokens: left)) }
            if !right.isEmpty { columns.right.append(HeaderPart(line: line, tokens: right)) }
            index += 1
        }
        headerEnd = index
        readNumber()
        readIssuer()
        readPlaceAndDate()
    }

    /// 'Căn cứ', 'Kính gửi': the header is over.
    static func bodyStarts(_ first: Token, _ tokens: [Token]) -> Bool {
        guard tokens.count > 1 else { return false }
        let second = tokens[1].bareKey
        // OCR reads 'cứ' as 'ctr', 'cw', 'cir' and 'gửi' as 'gtri'.
        return first.bareKey == "CAN" && second.hasPrefix("C") && second.count <= 3
            || first.bareKey == "KINH" && second.hasPrefix("G")
    }

    static func startsStamp(_ tokens: [Token]) -> Bool {
        let keys = tokens.prefix(6).map { String($0.bareKey) }
        guard !keys.isEmpty else { return false }
        let joined = keys.joined(separator: " ")
        // 'CÔNG VĂN ĐẾN' with 'Đ' read 'B' or 'P'.
        if keys.count >= 3, keys[0] == "CONG", keys[1] == "VAN", ["DEN", "BEN", "PEN"].contains(keys[2]) { return true }
        if joined.hasPrefix("KY BOI") || joined.hasPrefix("THOI GIAN KY") || joined.hasPrefix("NGUOI KY")
            || joined.hasPrefix("SIGNED BY") || joined.hasPrefix("CONG VAN DEN") || joined.hasPrefix("CV DEN")
            || joined.hasPrefix("DEN SO") || joined.hasPrefix("DEN:") || keys == ["DEN"] {
            return true
        }
        return false
    }

    static func continuesStamp(_ tokens: [Token]) -> Bool {
        guard let first = tokens.first else { return false }
        let key = first.bareKey
        return key.hasPrefix("NGAY") || key.hasPrefix("CHUYEN") || key.hasPrefix("LUU") || key.hasPrefix("THOI")
            || key.hasPrefix("CO QUAN") || key == "CO" || key.hasPrefix("EMAIL") || key.hasPrefix("GIO")
            || NumberReading.soPrefix(first) != nil && !tokens.contains { $0.text.utf8.contains(47) && $0.text.utf8.contains(45) }
    }

    // MARK: Issuer and parent

    private static let bodyStarters = BodyWords.organFirstWords
    private static let localityWords = BodyWords.localities

    mutating func readIssuer() {
        var bodyParts = [HeaderPart]()
        for part in columns.left {
            if let numberLine, part.line.page == lines[numberLine].page, part.line.number >= lines[numberLine].number { break }
            if numberLine == nil, !part.tokens.contains(where: \.isUpperWord) { break }
            var words = part.tokens.filter {
                ($0.isUpperWord && !$0.text.utf8.contains(47) && !$0.text.contains(where: \.isNumber)) || $0.text == "-" || $0.text == "&"
            }
            // A committee's number closes its name ('BAN CHỈ ĐẠO 138').
            if let last = part.tokens.last, part.tokens.count >= 3, words.count == part.tokens.count - 1,
               (1...4).contains(last.text.count), last.text.allSatisfy({ $0.isASCII && $0.isNumber }),
               part.tokens[part.tokens.count - 2].isUpperWord {
                words.append(last)
            }
            // What OCR keeps of a 'DỰ THẢO' box beside the issuer.
            while let first = words.first, words.count > 1, ["DU", "THAO"].contains(String(first.bareKey)) { words.removeFirst() }
            if words.count == 1, ["DU", "THAO"].contains(String(words[0].bareKey)) { continue }
            while let last = words.last, words.count > 1, last.bareKey.isEmpty { words.removeLast() }
            // A short stray word at the end ('TRUYỀN THÔNG TT'): rule lines and stamps leave them.
            while let last = words.last, words.count > 1, last.isASCII, last.bareKey.count <= 2,
                  Set(last.bareKey).count == 1, !Self.shortBodyWords.contains(String(last.bareKey)) {
                words.removeLast()
            }
            guard words.contains(where: { $0.isUpperWord && $0.text.count >= 2 }) else { continue }
            let keys = words.map { String($0.bareKey) }.joined(separator: " ")
            if keys == "DU THAO" || Skeleton.of(keys) == Skeleton.of("DU THAO") { continue }
            bodyParts.append(HeaderPart(line: part.line, tokens: words))
        }
        guard !bodyParts.isEmpty else { set(.issuer, confidence: 0.2, at: nil); return }

        // Group lines into bodies: a line that starts a body's name after a complete name starts a new one.
        var groups = [[HeaderPart]]()
        for part in bodyParts {
            if var current = groups.last {
                let currentKey = current.flatMap { $0.tokens.map { String($0.bareKey) } }
                let firstKey = String(part.tokens[0].bareKey)
                let complete = Self.isCompleteBody(currentKey)
                // 'HUYỆN ỦY', 'TỈNH ỦY': a party committee, a body of its own.
                let secondKey = part.tokens.count > 1 ? String(part.tokens[1].bareKey) : ""
                let partyCommittee = Self.localityWords.contains(firstKey) && secondKey == "UY"
                let cityName = firstKey == "THANH" && secondKey == "PHO"
                if complete && !cityName && Self.bodyStarters.contains(firstKey) && (!Self.localityWords.contains(firstKey) || partyCommittee) {
                    groups.append([part])
                } else {
                    current.append(part)
                    groups[groups.count - 1] = current
                }
            } else {
                groups.append([part])
            }
        }
        guard let issuerGroup = groups.last else { return }
        let (issuer, unknown, localityTail) = Self.restoredBody(issuerGroup.flatMap(\.tokens))
        fields.issuer = issuer
        issuerLocality = localityTail
        let hadDiacritics = issuerGroup.flatMap(\.tokens).contains { !$0.isASCII }
        poorDiacritics = !hadDiacritics
        set(.issuer, confidence: unknown > 0 ? 0.6 : (hadDiacritics ? 0.95 : 0.8), place: Self.place(of: issuerGroup))
        if groups.count >= 2 {
            let parentGroup = groups[groups.count - 2]
            let (parent, parentUnknown, _) = Self.restoredBody(parentGroup.flatMap(\.tokens))
            fields.parent = parent
            set(.parent, confidence: parentUnknown > 0 ? 0.6 : 0.85, place: Self.place(of: parentGroup))
        } else {
            set(.parent, confidence: 0.8, at: nil)
        }
    }

    /// A body's place: its first line, the box around all its words (or lines).
    static func place(of group: [HeaderPart]) -> DocumentFields.Location? {
        guard var place = group.first?.line.location else { return nil }
        let boxes = group.flatMap { part in part.tokens.compactMap(\.box) }
        place.box = Box.union(boxes.isEmpty ? group.compactMap(\.line.box) : boxes) ?? place.box
        return place
    }

    private static let shortBodyWords: Set<String> = ["XA", "TP", "VA", "SO", "BO", "TO", "YT"]

    static func isCompleteBody(_ keys: [String]) -> Bool {
        guard let last = keys.last else { return false }
        if last == "VA" || last == "-" || last == "&" || last.hasSuffix(",") { return false }
        let joined = keys.joined(separator: " ")
        // 'ỦY BAN NHÂN DÂN' (or what OCR left of it) still needs its locality.
        if joined.hasSuffix("NHAN DAN") || joined == "UBND" || joined == "HDND" { return false }
        // A body of one word ('SỞ', 'BAN') still needs its name.
        return keys.count >= 2
    }

    /// The body's words with diacritics restored, how many words could not be, and the words after its
    /// last locality word ('TRÀ BỒNG' in '... HUYỆN TRÀ BỒNG').
    static func restoredBody(_ tokens: [Token]) -> (String, Int, [String]) {
        // 'UBND:TINH': a mark read between two words.
        let tokens = tokens.flatMap { token -> [Token] in
            let pieces = token.text.split(whereSeparator: { $0 == ":" })
            return pieces.count > 1 ? pieces.map { Token($0) } : [token]
        }
        let words = tokens.map { token -> Substring in
            // 'Q' not before 'U' is a misread 'O' ('THQ XUAN', 'HQI'): Vietnamese has no other Q.
            guard token.text.utf8.contains(81) else { return token.text }
            var fixed = ""
            let characters = Array(token.text)
            for (index, character) in characters.enumerated() {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                fixed.append(character == "Q" && next != "U" ? "O" : character)
            }
            return Substring(fixed)
        }
        let (restored, unknown) = AdministrativeVocabulary.restoreUpper(words)
        var tail = [String]()
        for (index, word) in restored.enumerated().reversed() {
            let key = FastFold.key(word)
            let previous = index > 0 ? FastFold.key(restored[index - 1]) : ""
            if ["HUYEN", "TINH", "QUAN", "XA", "PHUONG"].contains(key) || key == "PHO" && previous == "THANH"
                || key == "TRAN" && previous == "THI" {
                tail = Array(restored[(index + 1)...]); break
            }
        }
        return (restored.joined(separator: " "), unknown, tail)
    }
}
