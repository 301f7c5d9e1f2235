import EvidenceModel

extension Reading {
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

    /// The typed month and year beside a hand-filled day that the page's OCR did not read for sure,
    /// to be read again from their own crop (`HandwrittenFigures.printed`): the month when `partial`
    /// (what was read for sure) has none, the year too when it has no year. Only a word the size of a
    /// month (one or two characters) or of a year (four) is read again.
    private static func unsurePrinted(_ tokens: [Token], layout: DateReading.Layout, partial: String?,
                                      place: DocumentFields.Location) -> [HandwrittenFigures.PrintedFigures]? {
        func plain(_ token: Token) -> Int { token.text.trimmingCharacters(in: Token.punctuation).count }
        var parts: [HandwrittenFigures.PrintedFigures] = []
        let month = tokens[(layout.monthWord + 1)..<layout.yearWord]
        if partial == nil || partial?.count == 4, month.count == 1, let word = month.first, (1...2).contains(plain(word)), let box = word.box {
            parts.append(.init(part: .month, place: .init(page: place.page, line: place.line, box: box)))
        }
        if partial == nil, let year = tokens[safe: layout.yearWord + 1], plain(year) == 4, let box = year.box {
            parts.append(.init(part: .year, place: .init(page: place.page, line: place.line, box: box)))
        }
        return parts.isEmpty ? nil : parts
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
            let em = tokens[safe: layout.yearWord + 1].flatMap { FillIn.printedEm(year: $0) }
            if let blank = FillIn.blank(after: tokens[layout.dayWord], upTo: tokens[layout.monthWord], page: place.page, line: place.line, em: em) {
                fields.handwritten[.date] = HandwrittenFigures(blank: blank, printed: Self.unsurePrinted(tokens, layout: layout, partial: partial, place: place))
            }
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
