/// The look-alikes comparison keys merge (issue 19): the same confusions as `OCRConfusion.table`
/// (each member is a reading of its letter there, or the letter a reading of it, but '6' for 'O'),
/// seen from folded upper-case text, with the keys that can afford each. A key merges only where a
/// wrong merge costs nothing: a keyword is only ever compared with a keyword, but a figure merged
/// with a letter in a person's name would make two names equal.
extension OCRConfusion {
    /// The comparison keys, each an `OptionSet` member.
    package struct Keys: OptionSet, Sendable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `Skeleton.of` in parsing: words of headings and keywords ('POC 1AP' meets 'ĐỘC LẬP').
        package static let keywords = Keys(rawValue: 1 << 0)
        /// `DocumentNumber.symbolKey`: the letters of a number's symbol ('TIr-UBND').
        package static let symbols = Keys(rawValue: 1 << 1)
        /// `DocumentNumber.key`: a number's figures, where the letter read is taken for the figure ('O5' is 05).
        package static let figures = Keys(rawValue: 1 << 2)
        /// `Tolerant.words`: names of people and bodies.
        package static let names = Keys(rawValue: 1 << 3)
        package static let all: Keys = [.keywords, .symbols, .figures, .names]
    }

    /// A letter and what OCR gives for it, folded and upper-case ('l' is 'L' here).
    package struct LookAlike: Sendable {
        /// What the keys write for every member.
        package let letter: Character
        /// What `.figures` writes instead, where the letter stands among digits.
        package let figure: Character?
        /// Each member with the keys that merge it with `letter`.
        package let members: [(character: Character, keys: Keys)]
    }

    package static let lookAlikes: [LookAlike] = [
        // '6' for 'Ố' in a heading's bold face: keywords only (it is no reading of a symbol's 'O').
        // 'Q' is 'O' without its tail, but not before 'U' ('QUYẾT'): `Skeleton.of` keeps that pair.
        LookAlike(letter: "O", figure: "0", members: [("0", .all), ("6", .keywords), ("Q", .keywords)]),
        // '|' and '!' are no letters: names split words on them, figures and symbols keep the bar.
        LookAlike(letter: "I", figure: "1", members: [("1", .all), ("L", .all), ("|", [.keywords, .symbols, .figures]),
                                                      ("!", .keywords)]),
        // 'Đ' read 'P' (and in a symbol 'b', upper-cased 'B'); names keep them: 'PHAN' is not 'ĐHAN'.
        LookAlike(letter: "D", figure: nil, members: [("P", [.keywords, .symbols]), ("B", .symbols)]),
    ]

    /// Character → what `key` writes for it (one key at a time); characters not in it stand for
    /// themselves. For `.figures`: the letters of a class with a figure, its letter too, → the figure.
    package static func lookAlikeMap(for key: Keys) -> [Character: Character] {
        var map = [Character: Character]()
        for lookAlike in lookAlikes {
            if key == .figures {
                guard let figure = lookAlike.figure else { continue }
                map[lookAlike.letter] = figure
                for member in lookAlike.members where member.keys.contains(key) && member.character != figure {
                    map[member.character] = figure
                }
            } else {
                for member in lookAlike.members where member.keys.contains(key) { map[member.character] = lookAlike.letter }
            }
        }
        return map
    }
}
