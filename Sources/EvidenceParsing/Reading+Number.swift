import EvidenceModel

extension Reading {
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
               FillIn.assess([first.with(text: Substring(digits))], printedDigitHeight: digitHeight.map { $0 * FillIn.joinedSymbolAllowance },
                             joined: true)
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
        switch FillIn.assess(figureTokens, printedDigitHeight: digitHeight.map { $0 * allowance }, joined: allowance > 1) {
        case .printed(let digits):
            result = NumberReading.read((digits + symbolRaw)[...])
        case .handwritten:
            status = .handwritten
            // Where the figures are, for reading the blank's crop again (`HandwrittenFigures`).
            let end = symbolAt == 0 && !remainder.isEmpty ? first : symbolToken
            if let blank = FillIn.blank(after: first, upTo: end, page: part.line.page, line: part.line.number) {
                fields.handwritten[.number] = HandwrittenFigures(blank: blank)
            }
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
}
