import EvidenceModel

extension Reading {
    static let chairTitles: Set<String> = ["CHU TRI", "CHU TOA", "CHU TICH"]

    /// Minutes: the chair signs, beside the secretary. With word boxes each block is read in its own
    /// column, so no word of one name leaks into the other.
    mutating func readChair() -> Bool {
        var index = bodyStart
        while index < documentEnd {
            guard lines[index].mayHoldTitle else { index += 1; continue }
            let all = cache.tokens(of: lines[index])
            if all.contains(where: { $0.midX != nil }) {
                // With word boxes the columns decide; a line that is not a row of titles is passed over.
                if readChairByColumns(at: index, tokens: all) { return true }
                index += 1
                continue
            }
            var lineTitles = [String]()
            var remaining = signatureTokens(lines[index])
            while let (found, start, count) = Self.findTitle(remaining) {
                lineTitles.append(found)
                remaining = Array(remaining[(start + count)...])
            }
            if let title = lineTitles.first(where: { Self.chairTitles.contains(FastFold.key($0)) }) {
                // Titles in reading order on this line and its neighbours: the chair's position among them.
                var titles = [String]()
                for neighbour in max(bodyStart, index - 1)...min(lines.count - 1, index + 1) {
                    var rest = signatureTokens(lines[neighbour])
                    while let (found, start, count) = Self.findTitle(rest) {
                        titles.append(found)
                        rest = Array(rest[(start + count)...])
                    }
                }
                guard let chairPosition = titles.firstIndex(where: { Self.chairTitles.contains(FastFold.key($0)) }) else { return false }
                var names = [(NameCandidate, ParsedLine)]()
                var next = index + 1
                while next < min(documentEnd, index + 16), names.count < titles.count {
                    if let found = Self.names(in: signatureTokens(lines[next])) {
                        names += found.map { ($0, lines[next]) }
                    }
                    next += 1
                }
                let chosen: (NameCandidate, ParsedLine)?
                if chairPosition < names.count { chosen = names[chairPosition] }
                else if names.count == 1 && titles.count == 1 { chosen = names[0] }
                else { chosen = nil }
                signatureStart = max(bodyStart, index - 1)
                if let (name, line) = chosen {
                    let (text, confidence) = restoreName(name.words, surnameKnown: name.surnameKnown)
                    fields.signer = .init(name: text, title: title, authority: nil)
                    let sure = titles.count > 1 && names.count < titles.count ? 0.5 : confidence
                    set(.signer, confidence: sure, at: line)
                    set(.signerName, confidence: sure, at: line)
                    if titles.count == 2, names.count == 2, let secretaryTitle = titles.first(where: { FastFold.key($0) == "THU KY" }) {
                        let (other, _) = names[1 - chairPosition]
                        fields.secretary = .init(name: restoreName(other.words, surnameKnown: other.surnameKnown).0, title: secretaryTitle)
                    }
                } else {
                    fields.signer = .init(name: nil, title: title, authority: nil)
                    set(.signer, confidence: 0.4, at: lines[index])
                }
                set(.signerTitle, confidence: 0.9, at: lines[index])
                return true
            }
            index += 1
        }
        return false
    }

    /// Minutes with word boxes: 'THƯ KÝ | CHỦ TRÌ' on one row, each name under its own title.
    private mutating func readChairByColumns(at index: Int, tokens: [Token]) -> Bool {
        // Each title of the row with its tokens' horizontal centre.
        var titles = [(title: String, midX: Double, tokens: ArraySlice<Token>)]()
        var rest = tokens[...]
        while let (found, start, count) = Self.findTitle(Array(rest)) {
            let base = rest.startIndex + start
            let slice = tokens[base..<(base + count)]
            let xs = slice.compactMap(\.midX)
            titles.append((found, xs.reduce(0, +) / Double(max(1, xs.count)), slice))
            rest = tokens[(base + count)...]
        }
        guard let chair = titles.first(where: { Self.chairTitles.contains(FastFold.key($0.title)) }) else { return false }
        // A row of titles and nothing else ('THƯ KÝ     CHỦ TRÌ'): 'III. KẾT LUẬN CỦA CHỦ TRÌ' is a heading.
        let titleWords = titles.reduce(0) { $0 + $1.tokens.count }
        guard tokens.filter({ $0.hasLetter && $0.bareKey.count >= 2 }).count == titleWords else { return false }
        let line = lines[index]
        /// The name under a title: the first name in the title's column, on the lines below (same page).
        func name(under midX: Double) -> (String, Double, DocumentFields.Location)? {
            var next = index + 1
            while next < min(documentEnd, index + 16), lines[next].page == line.page {
                let column = cache.tokens(of: lines[next]).filter { token in
                    guard let x = token.midX else { return false }
                    // The half of the page the title is in: the other block's words never count.
                    return (x >= 0.5) == (midX >= 0.5) && abs(x - midX) < 0.3
                }
                if let found = Self.names(in: column), let first = found.first {
                    let (text, confidence) = restoreName(first.words, surnameKnown: first.surnameKnown)
                    let nameTokens = column.filter { token in first.words.contains { token.text.contains($0) } }
                    return (text, confidence, lines[next].location(of: nameTokens))
                }
                next += 1
            }
            return nil
        }
        signatureStart = max(bodyStart, index - 1)
        let titlePlace = line.location(of: chair.tokens)
        if let (text, confidence, place) = name(under: chair.midX) {
            fields.signer = .init(name: text, title: chair.title, authority: nil)
            set(.signer, confidence: confidence, place: Self.union(titlePlace, place))
            set(.signerName, confidence: confidence, place: place)
        } else {
            fields.signer = .init(name: nil, title: chair.title, authority: nil)
            set(.signer, confidence: 0.4, place: titlePlace)
            fields.locations[.signerName] = Self.regionBelow(titlePlace)
        }
        set(.signerTitle, confidence: 0.9, place: titlePlace)
        // The other block's title: on this line, or (a text layer's separate block) on another line of the row.
        var others = titles.map { (title: $0.title, midX: $0.midX, tokens: Array($0.tokens), line: line) }
        if let box = line.box {
            for neighbour in max(bodyStart, index - 2)...min(lines.count - 1, index + 2) where neighbour != index {
                let other = lines[neighbour]
                guard other.page == line.page, let otherBox = other.box, abs(otherBox.midY - box.midY) < box.height * 0.6,
                      let (found, start, count) = Self.findTitle(cache.tokens(of: other)) else { continue }
                let slice = Array(cache.tokens(of: other)[start..<(start + count)])
                let xs = slice.compactMap(\.midX)
                others.append((found, xs.reduce(0, +) / Double(max(1, xs.count)), slice, other))
            }
        }
        if let secretary = others.first(where: { $0.title != chair.title && ($0.midX >= 0.5) != (chair.midX >= 0.5) }) {
            let found = name(under: secretary.midX)
            fields.secretary = .init(name: found?.0, title: secretary.title)
            fields.locations[.secretary] = Self.union(secretary.line.location(of: secretary.tokens), found?.2)
        }
        return true
    }
}
