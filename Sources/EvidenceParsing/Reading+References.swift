import EvidenceModel

extension Reading {
    /// Documents cited in the body ('Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20 tháng 5 năm 2022'), each
    /// with its date when one follows; the document's own number and the annexes after the signature
    /// are left out.
    mutating func readReferences() {
        let end = signatureStart ?? lines.count
        guard bodyStart < end else { set(.references, confidence: 0.5, at: nil); return }
        var words = [Substring]()
        var firstLine: ParsedLine?
        for index in bodyStart..<end {
            let line = lines[index]
            // Only lines that cite (a '/') and the line after, where a citation's rest or date goes on.
            guard line.hasSlash || index > bodyStart && lines[index - 1].hasSlash else { continue }
            var lineWords = line.text.words()
            // '11052/UBND-' at a line's end continues on the next line.
            if let last = words.last, last.hasSuffix("-"), last.utf8.contains(47), let first = lineWords.first,
               first.first?.isLetter == true {
                words[words.count - 1] = Substring(String(last) + String(first))
                lineWords.removeFirst()
            }
            words += lineWords
            if firstLine == nil, line.hasSlash { firstLine = line }
        }
        var references = [DocumentFields.Reference]()
        var seen = [String: Int]()
        var index = 0
        while index < words.count {
            defer { index += 1 }
            let word = words[index]
            guard let first = word.first, first.isNumber, word.utf8.contains(47), !word.hasPrefix("http"), !word.contains(":/") else {
                continue
            }
            var raw = word
            if word.allSatisfy(\.isNumber), index + 1 < words.count, words[index + 1].hasPrefix("/") {
                raw = Substring(String(word) + String(words[index + 1]))
            } else if !word.contains(where: \.isLetter) {
                continue
            }
            let result = NumberReading.read(raw)
            guard let number = result.value, let lead = result.parts.first,
                  lead.filter(\.isLetter).count >= 2, number != fields.number else { continue }
            if let existing = seen[number] {
                if references[existing].date == nil { references[existing].date = dateAfter(words, from: index + 1) }
                continue
            }
            let date = dateAfter(words, from: index + 1)
            seen[number] = references.count
            references.append(.init(number: number, date: date))
        }
        fields.references = references
        set(.references, confidence: references.isEmpty ? 0.7 : 0.8, at: references.isEmpty ? nil : firstLine)
    }

    /// What an appendix or a plan issued with this document prints about it, after the signature
    /// block: '(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2024 của UBND huyện …)', '(Ban hành kèm
    /// theo Kế hoạch số 45/KH-UBND ngày …)'. Only a number that follows 'kèm theo' within a few words
    /// (a type's name and 'số'); the line after is read with it, where a citation's rest goes on.
    /// A parenthesised '(Kèm theo …)' heading a later page counts too: the parser may have taken an
    /// attached plan's own block for the signature.
    mutating func readAttachedCitations() {
        guard bodyStart < lines.count, let firstPage = lines[safe: headerStart]?.page else { return }
        let signature = signatureStart ?? lines.count
        var citations = [DocumentFields.Reference]()
        for index in bodyStart..<lines.count {
            let line = lines[index]
            guard !line.isBlank, index >= signature || line.page > firstPage && line.text.drop(while: \.isWhitespace).hasPrefix("("),
                  FastFold.key(line.text).contains("KEM THEO") else { continue }
            var words = line.text.words()
            if let next = lines[safe: index + 1], next.page == line.page { words += next.text.words() }
            guard let theo = words.indices.first(where: { index in
                index > 0 && FastFold.key(words[index - 1]).hasSuffix("KEM") && FastFold.key(words[index]).hasPrefix("THEO")
            }) else { continue }
            // 'Quyết định số 123/QĐ-UBND', 'Kế hoạch số: 45/KH-UBND': the number within five words.
            var position = theo + 1
            while position < min(words.count, theo + 6) {
                let word = words[position]
                if word.first?.isNumber == true { break }
                position += 1
            }
            guard position < words.count, words[position].first?.isNumber == true else { continue }
            var raw = words[position]
            if raw.allSatisfy(\.isNumber), position + 1 < words.count, words[position + 1].hasPrefix("/") {
                raw = Substring(String(raw) + String(words[position + 1]))
            }
            guard raw.utf8.contains(47), raw.contains(where: \.isLetter) else { continue }
            let result = NumberReading.read(raw)
            guard let number = result.value, let lead = result.parts.first, lead.filter(\.isLetter).count >= 2 else { continue }
            let citation = DocumentFields.Reference(number: number.nfc, date: dateAfter(words, from: position + 1), page: line.page)
            if !citations.contains(where: { $0.number == citation.number && $0.date == citation.date }) { citations.append(citation) }
        }
        fields.attachedTo = citations
    }

    /// The date in 'ngày ...' within a few words after a cited number.
    private func dateAfter(_ words: [Substring], from start: Int) -> String? {
        var index = start
        while index < min(words.count, start + 4) {
            if let first = words[index].utf8.first, first == 78 || first == 110,
               let date = DateReading.read(words: Array(words[index..<min(words.count, index + 8)])) {
                return date.iso
            }
            if words[index].first?.isNumber == true, words[index].utf8.contains(47), words[index].contains(where: \.isLetter) { return nil }
            index += 1
        }
        return nil
    }
}
