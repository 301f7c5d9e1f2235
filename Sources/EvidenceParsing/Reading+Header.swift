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

    // MARK: Number

    mutating func readNumber() {
        let digitHeight = FillIn.printedDigitHeight((columns.left + columns.right).flatMap(\.tokens))
        for (partIndex, part) in columns.left.enumerated() {
            guard let first = part.tokens.first, let remainder = NumberReading.soPrefix(first) else { continue }
            if FillIn.isOCR(part.tokens), readScannedNumber(part, remainder: remainder, digitHeight: digitHeight) { return }
            let rest = part.tokens.dropFirst()
            let next = rest.first?.text.first
            guard !remainder.isEmpty || next.map({ $0.isNumber || ":/.-_".contains($0) }) == true
                    || rest.first?.text.utf8.contains(47) == true else {
                // 'Số:' alone, its symbol in another block of the text layer: the blank was never filled
                // in the text (a born-digital file's number drawn by its signature field, or a draft).
                if remainder.isEmpty, rest.isEmpty, let symbol = symbolElsewhere(besides: partIndex) {
                    var result = NumberReading.read(symbol[...])
                    // The figures a born-digital file's signing software drew into the blank, OCRed
                    // apart from the text layer: read only when the OCR is sure of them.
                    let figures = fillInBeside(part)
                    if !figures.isEmpty {
                        let typedHeight = figures.compactMap(\.box?.height).max()
                        switch FillIn.assess(figures, printedDigitHeight: typedHeight) {
                        case .printed(let digits): result = NumberReading.read((digits + symbol)[...])
                        case .handwritten, .blank: fields.fieldStatus[.number] = .illegible
                        }
                    }
                    fields.number = result.value
                    numberLine = part.line.index
                    numberResult = result
                    fields.numberSymbol = Self.symbolText(result)
                    // The place spans the blank: from 'Số:' to the symbol when they share the row.
                    var place = part.line.location(of: [first])
                    if let here = place.box,
                       let symbolToken = (columns.left + columns.right).lazy.flatMap(\.tokens).first(where: { $0.text == symbol }),
                       let there = symbolToken.box, abs(there.midY - here.midY) < here.height {
                        place.box = Box.union([here, there])
                    }
                    if fields.number == nil, !figures.isEmpty { fields.fieldStatus[.number] = .illegible }
                    set(.number, confidence: result.value == nil ? 0.3 : 0.85, place: place)
                    return
                }
                continue
            }
            var raw = String(remainder)
            var pieces = remainder.isEmpty ? 0 : 1
            for token in rest {
                guard NumberReading.continues(token, after: raw) else { break }
                raw += token.text
                pieces += 1
            }
            var result = NumberReading.read(raw[...])
            var split = pieces > 1
            if result.digits != nil, result.parts.isEmpty, let symbol = symbolElsewhere(besides: partIndex) {
                let symbolResult = NumberReading.read(symbol[...])
                result.parts = symbolResult.parts
                result.year = result.year ?? symbolResult.year
                result.repaired = result.repaired || symbolResult.repaired
                result.doubtful = result.doubtful || symbolResult.doubtful
                split = true
            }
            numberLine = lines.firstIndex { $0.page == part.line.page && $0.number == part.line.number }
            numberResult = result
            fields.number = result.value
            fields.numberSymbol = Self.symbolText(result)
            var confidence = result.confidence
            if split && result.value != nil && !result.repaired && !result.doubtful { confidence = 0.85 }
            set(.number, confidence: confidence, place: part.line.location(of: part.tokens.prefix(max(1, pieces + 1))))
            return
        }
        // OCR lost 'Số:': a number whose symbol is all known parts, alone at the head of a left part.
        for part in columns.left where !stampLines.contains(part.line.index) {
            guard let first = part.tokens.first, first.text.first?.isNumber == true, first.text.utf8.contains(47) else { continue }
            let result = NumberReading.read(first.text)
            guard let value = result.value, !result.doubtful, result.parts.allSatisfy({ SymbolVocabulary.restore($0) == $0 }) else { continue }
            // On a scan, the figures must be typed ones read for sure.
            if first.confidence != nil, let digits = result.digits,
               FillIn.assess([first.with(text: Substring(digits))], printedDigitHeight: digitHeight.map { $0 * FillIn.joinedSymbolAllowance })
                != .printed(digits) { continue }
            numberLine = part.line.index
            numberResult = result
            fields.number = value
            fields.numberSymbol = Self.symbolText(result)
            set(.number, confidence: 0.6, place: part.line.location(of: [first]))
            return
        }
        set(.number, confidence: 0.3, at: nil)
    }

    /// OCR words of figures on the row of a lone 'Số:' (a text-layer page's fill-in), right of it.
    private func fillInBeside(_ part: HeaderPart) -> [Token] {
        guard let so = part.tokens.first?.box else { return [] }
        for other in columns.left where other.line.index != part.line.index && other.line.page == part.line.page {
            let tokens = other.tokens.filter { token in
                guard let box = token.box, token.confidence != nil else { return false }
                return abs(box.midY - so.midY) < so.height && box.midX > so.maxX
            }
            if !tokens.isEmpty, tokens.count == other.tokens.count { return tokens }
        }
        return []
    }

    /// The symbol as printed after the figures ('TTr-UBND', '2025/NQ-HĐND').
    static func symbolText(_ result: NumberReading.Result) -> String? {
        result.symbol.map { (result.year.map { $0 + "/" } ?? "") + $0 }
    }

    /// 'Số: 24 /TTr-UBND' on a scan: the symbol is typed, the figures usually hand-filled. Reads the
    /// figures only when they are typed ones read for sure; otherwise the number is null, with its
    /// symbol, its status and the place of the blank. False when the line holds no symbol.
    private mutating func readScannedNumber(_ part: HeaderPart, remainder: Substring, digitHeight: Double?) -> Bool {
        let first = part.tokens[0]
        // What follows 'Số:', with what OCR glued to it ('Số:4B', 'Số:24/TTr-UBND') as a word of its own.
        let rest = (remainder.isEmpty ? [] : [first.with(text: remainder)]) + part.tokens.dropFirst()
        guard let symbolAt = rest.prefix(4).firstIndex(where: { $0.text.utf8.contains(47) }) else { return false }
        let symbolToken = rest[symbolAt]
        var figureTokens = Array(rest[..<symbolAt])
        var symbolRaw: String
        var allowance = 1.0
        if let slash = symbolToken.text.firstIndex(of: "/"), slash != symbolToken.text.startIndex {
            // Figures and symbol read as one word ('24/TTr-UBND'): its height is the slash's.
            figureTokens.append(symbolToken.with(text: symbolToken.text[..<slash]))
            symbolRaw = String(symbolToken.text[slash...])
            allowance = FillIn.joinedSymbolAllowance
        } else {
            symbolRaw = String(symbolToken.text)
        }
        var used = symbolAt + 1
        for token in rest[(symbolAt + 1)...] {
            guard NumberReading.continues(token, after: symbolRaw) else { break }
            symbolRaw += token.text
            used += 1
        }
        var result = NumberReading.read(symbolRaw[...])
        var status: FieldStatus?
        switch FillIn.assess(figureTokens, printedDigitHeight: digitHeight.map { $0 * allowance }) {
        case .printed(let digits):
            result = NumberReading.read((digits + symbolRaw)[...])
        case .handwritten:
            status = .handwritten
        case .blank:
            // A scan's blank read empty: the hand-filled figures may have been too faint for the OCR.
            status = .illegible
        }
        numberLine = part.line.index
        numberResult = result
        fields.number = result.value
        fields.numberSymbol = Self.symbolText(result)
        if fields.number == nil, let status { fields.fieldStatus[.number] = status }
        set(.number, confidence: result.value == nil ? 0.2 : result.confidence,
            place: part.line.location(of: [first] + part.tokens.dropFirst().prefix(max(0, used - (remainder.isEmpty ? 0 : 1)))))
        return true
    }

    /// '/TB-UBND' somewhere else in the header, for a number whose blank the text layer moved apart.
    private func symbolElsewhere(besides partIndex: Int) -> String? {
        for (index, part) in columns.left.enumerated() where index != partIndex {
            if let token = part.tokens.first(where: NumberReading.isSymbolToken) { return String(token.text) }
        }
        for part in columns.right {
            if let token = part.tokens.first(where: NumberReading.isSymbolToken) { return String(token.text) }
        }
        // A text layer may put it after the type line: a line holding nothing but the symbol.
        guard let first = lines[safe: headerStart] else { return nil }
        for line in lines[headerStart..<min(lines.count, headerStart + 60)] where line.page == first.page && line.hasSlash {
            let tokens = cache.tokens(of: line)
            if tokens.count == 1, NumberReading.isSymbolToken(tokens[0]) { return String(tokens[0].text) }
        }
        return nil
    }

    // MARK: Issuer and parent

    private static let bodyStarters: Set<String> = [
        "UBND", "UY", "HDND", "HOI", "SO", "BO", "CUC", "CHI", "TONG", "VAN", "PHONG", "BAN", "TRUNG", "TO", "CONG",
        "TRUONG", "DANG", "TINH", "HUYEN", "THANH", "DOAN", "MAT", "BENH", "KHO", "BAO", "DAI", "VIEN", "NGAN",
    ]
    private static let localityWords: Set<String> = ["TINH", "THANH PHO", "HUYEN", "QUAN", "THI XA", "XA", "PHUONG", "THI TRAN", "TP", "TP."]

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

    // MARK: Place and date

    mutating func readPlaceAndDate() {
        let digitHeight = FillIn.printedDigitHeight((columns.left + columns.right).flatMap(\.tokens))
        for part in dateCandidates() {
            let tokens = DateReading.splittingGluedWords(part.tokens)
            guard let dayIndex = tokens.firstIndex(where: { DateReading.isDayWord($0) && !$0.text.hasSuffix(":") }) else { continue }
            let read = DateReading.read(tokens, from: dayIndex)
            let layout = DateReading.layout(tokens, from: dayIndex)
            guard read != nil || layout != nil else { continue }
            let start = HeaderColumns.placeStart(tokens, before: dayIndex)
            readPlace(Array(tokens[start..<dayIndex]), line: part.line)
            let end = layout.map { min(tokens.count, $0.yearWord + 2) } ?? min(tokens.count, dayIndex + (read?.length ?? 1))
            let place = part.line.location(of: tokens[dayIndex..<end])
            let dayTokens = layout.map { Array(tokens[($0.dayWord + 1)..<$0.monthWord]) } ?? []
            if let layout, FillIn.isOCR(tokens) {
                readScannedDate(tokens, layout: layout, digitHeight: digitHeight, place: place)
            } else if let layout, !dayTokens.isEmpty, FillIn.isOCR(dayTokens) {
                // A text layer's day drawn by the signing software, OCRed apart: typed, so its own
                // height is the reference; only the OCR's certainty decides.
                readScannedDate(tokens, layout: layout, digitHeight: dayTokens.compactMap(\.box?.height).max(), place: place)
            } else if FillIn.isOCR(tokens), tokens[dayIndex..<end].contains(where: { ($0.confidence ?? 0) < FillIn.minimumConfidence }) {
                // 'ngày 19/02/2024' on a scan, some of it read unsure: the figures may be written by hand.
                fields.date = nil
                fields.fieldStatus[.date] = .illegible
                set(.date, confidence: 0.2, place: place)
            } else {
                fields.date = read?.iso
                if fields.date == nil, let layout { fields.datePartial = DateReading.partial(tokens, layout: layout) }
                set(.date, confidence: read?.confidence ?? 0.2, place: place)
            }
            return
        }
        set(.date, confidence: 0.2, at: nil)
        set(.place, confidence: 0.2, at: nil)
    }

    /// The date on a scan: the month and year are typed, the day usually hand-filled. The date is read
    /// only when the day is typed figures read for sure; otherwise null, with its status, and the
    /// month and year alone when they are read for sure.
    private mutating func readScannedDate(_ tokens: [Token], layout: DateReading.Layout, digitHeight: Double?,
                                          place: DocumentFields.Location) {
        let partial = DateReading.partial(tokens, layout: layout, minimumConfidence: FillIn.minimumConfidence)
        let dayTokens = Array(tokens[(layout.dayWord + 1)..<layout.monthWord])
        var status: FieldStatus?
        switch FillIn.assess(dayTokens, printedDigitHeight: digitHeight) {
        case .printed(let day):
            if let partial, partial.count == 7, let dayValue = Int(day), let year = Int(partial.prefix(4)),
               let month = Int(partial.suffix(2)), let iso = DateReading.iso(dayValue, month, year) {
                fields.date = iso
                set(.date, confidence: 0.85, place: place)
                return
            }
            status = .illegible
        case .handwritten:
            status = .handwritten
        case .blank:
            status = .illegible
        }
        fields.date = nil
        fields.datePartial = partial
        fields.fieldStatus[.date] = status
        set(.date, confidence: 0.2, place: place)
    }

    /// Header parts that may hold the place and date: the right column's, each with the parts beside it
    /// on the same row (a text layer splits 'Quảng Ngãi, ngày' from 'tháng 11 năm 2024'), then the left's.
    private func dateCandidates() -> [HeaderPart] {
        var merged = [HeaderPart]()
        let right = columns.right
        for (index, part) in right.enumerated() {
            var tokens = part.tokens
            if let box = part.line.box {
                var beside = [HeaderPart]()
                for other in right[(index + 1)...] where other.line.page == part.line.page {
                    guard let otherBox = other.line.box, abs(otherBox.midY - box.midY) < max(box.height, otherBox.height) * 0.6,
                          otherBox.x > box.x else { continue }
                    beside.append(other)
                }
                // Left to right: a fill-in OCRed apart comes after the text layer's blocks.
                tokens += beside.sorted { ($0.line.box?.x ?? 0) < ($1.line.box?.x ?? 0) }.flatMap(\.tokens)
            }
            merged.append(HeaderPart(line: part.line, tokens: tokens))
        }
        return merged + columns.left
    }

    private mutating func readPlace(_ tokens: [Token], line: ParsedLine) {
        let words = tokens.map { $0.text.trimmingCharacters(in: [","]) }.filter { !$0.isEmpty }
        guard !words.isEmpty else { set(.place, confidence: 0.2, at: nil); return }
        let keys = words.map { FastFold.key($0) }
        if let known = PlaceVocabulary.name(forKeys: keys) {
            fields.place = known
            set(.place, confidence: 0.95, at: line)
            return
        }
        let asRead = words.joined(separator: " ")
        let hasDiacritics = !asRead.allSatisfy(\.isASCII)
        // A district's or commune's place is the name in the issuer: prefer the issuer's spelling when
        // the two differ by an OCR slip or two ('Tra Béng' / 'TRA BONG').
        if !issuerLocality.isEmpty {
            let localityKey = Skeleton.of(FastFold.key(issuerLocality.joined(separator: " ")))
            let placeKey = Skeleton.of(keys.joined(separator: " "))
            // Longer names tolerate one more slip.
            let limit = localityKey.count >= 7 ? 3 : 2
            let distance = localityKey.editDistance(to: placeKey, limit: limit)
            if distance <= limit && (distance == 0 || localityKey.count >= 6) {
                let issuerHasMarks = !issuerLocality.joined().allSatisfy(\.isASCII)
                fields.place = issuerLocality.map(Self.titleCased).joined(separator: " ")
                if distance == 0 && hasDiacritics && !issuerHasMarks { fields.place = asRead }
                set(.place, confidence: distance == 0 && (hasDiacritics || issuerHasMarks) ? 0.9 : 0.6, at: line)
                return
            }
        }
        fields.place = asRead
        set(.place, confidence: hasDiacritics ? 0.8 : 0.5, at: line)
    }

    static func titleCased(_ word: String) -> String {
        guard let first = word.first else { return word }
        return String(first).uppercased() + word.dropFirst().lowercased()
    }
}
