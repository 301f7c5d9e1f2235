/// What OCR reads for what is printed in a number's symbol: the one table of it (issue 19). The
/// parser restores a symbol part through the `restores` rows only (`SymbolVocabulary`); verification
/// takes every row as a plausible misreading, so a symbol read with them never accuses (issue 22).
package enum OCRConfusion {
    package enum Use: Sendable {
        /// Common and unambiguous enough that the parser restores a symbol part through it ('Qb' → 'QĐ').
        case restores
        /// A plausible misreading: a symbol read so is not evidence of another symbol.
        case plausible
    }

    package struct Row: Sendable {
        /// As printed: one letter, or a letter OCR splits in two ('m' read 'rn').
        package let printed: String
        /// What OCR gives for it, as it gives it (case matters: 'b' is read for 'Đ', 'B' is a letter).
        package let reads: [String]
        package let use: Use

        init(_ printed: String, reads: [String], _ use: Use) {
            self.printed = printed; self.reads = reads; self.use = use
        }
    }

    package static let table: [Row] = [
        // 'Đ' without its bar, as the English model's U+00D0 'Ð' (or 'ð'), or as 'P' / 'b'.
        Row("Đ", reads: ["D", "Ð", "ð", "P", "b"], .restores),
        Row("O", reads: ["0"], .restores),
        // 'Q' without its tail.
        Row("Q", reads: ["O", "0"], .plausible),
        // 'T' without its bar ('TIr' for 'TTr'), 'I' as a lower-case 'l', a '1', a bar.
        Row("T", reads: ["I", "l", "1", "|"], .plausible),
        Row("I", reads: ["l", "1", "|", "!"], .plausible),
        // One letter read as two in a serif face.
        Row("m", reads: ["rn"], .plausible),
        Row("d", reads: ["cl"], .plausible),
        Row("u", reads: ["ii"], .plausible),
        Row("w", reads: ["vv"], .plausible),
    ]
    // Besides the table, OCR reads a letter twice ('QĐÐ' for 'QĐ'): see `mayRead`.

    // MARK: The parser's restoring skeleton

    /// Character → the folded letter it stands for, through the `restores` rows (their readings as
    /// OCR gives them, their printed letter in either case).
    private static let restoring: [Character: Character] = {
        var map = [Character: Character]()
        for row in table where row.use == .restores && row.printed.count == 1 {
            guard let canonical = row.printed.folded.first else { continue }
            for read in row.reads where read.count == 1 { map[Character(read)] = canonical }
            map[Character(row.printed.uppercased())] = canonical
            map[Character(row.printed.lowercased())] = canonical
        }
        return map
    }()

    /// A symbol part with the `restores` confusions merged and upper-cased: 'Qb', 'QD', 'QĐ' and
    /// 'QÐ' give 'QD'. Only ever compared with the skeleton of a vocabulary entry.
    package static func restoringSkeleton(_ part: String) -> String {
        var out = ""
        for character in part {
            if let canonical = restoring[character] { out.append(canonical) } else { out.append(Character(character.uppercased())) }
        }
        return out
    }

    // MARK: Plausible misreadings

    /// The table seen through `DocumentNumber.symbolKey`: printed key letter → its readings' keys
    /// (those that differ from it).
    private static let keyedReads: [Character: [[Character]]] = {
        var map = [Character: [[Character]]]()
        for row in table {
            let printed = Array(DocumentNumber.symbolKey(row.printed))
            guard printed.count == 1, let letter = printed.first else { continue }
            for read in row.reads {
                let keyed = Array(DocumentNumber.symbolKey(read))
                if !keyed.isEmpty, keyed != printed, !(map[letter]?.contains(keyed) ?? false) { map[letter, default: []].append(keyed) }
            }
        }
        return map
    }()

    /// Whether OCR could have read `read` where `printed` stands, both as `DocumentNumber.symbolKey`
    /// gives them: every printed letter read as itself or as one of its readings in the table,
    /// each letter possibly read twice. Nothing dropped, nothing else added.
    package static func mayRead(_ printed: String, as read: String) -> Bool {
        let p = Array(printed), r = Array(read)
        guard !p.isEmpty, !r.isEmpty else { return p.isEmpty && r.isEmpty }
        func single(_ letter: Character, _ character: Character) -> Bool {
            letter == character || (keyedReads[letter]?.contains { $0.count == 1 && $0[0] == character } ?? false)
        }
        // reach[i][j]: the first i printed letters can read as the first j characters read.
        var reach = Array(repeating: Array(repeating: false, count: r.count + 1), count: p.count + 1)
        reach[0][0] = true
        for i in 0...p.count {
            for j in 0...r.count where reach[i][j] {
                if i > 0, j < r.count, p[i - 1].isLetter, single(p[i - 1], r[j]) { reach[i][j + 1] = true }
                guard i < p.count else { continue }
                if j < r.count, single(p[i], r[j]) { reach[i + 1][j + 1] = true }
                for reading in keyedReads[p[i]] ?? [] where reading.count > 1 && j + reading.count <= r.count {
                    if Array(r[j..<(j + reading.count)]) == reading { reach[i + 1][j + reading.count] = true }
                }
            }
        }
        return reach[p.count][r.count]
    }
}
