/// Document numbers ('số, ký hiệu') as OCR and typing spell them.
package enum DocumentNumber {
    /// A key under which two spellings of the same number and symbol are equal:
    /// "Số: 05/KH-UBND", "5 /KH.UBND" and "05/Kh-UBND" → "5/KH-UDND".
    package static func key(_ raw: String) -> String {
        var text = raw.folded
        for prefix in ["SO:", "SO :", "SO.", "SO "] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).drop(while: { $0 == " " })
            if let first = rest.first, first.isNumber || first == "O" { text = String(rest) }
            break
        }
        text.removeAll(where: \.isWhitespace)
        let segments = text.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            let digits = segment.filter(\.isNumber).count
            if digits * 2 >= segment.count {
                var mapped = String(segment.map { figureLookAlikes[$0] ?? $0 })
                while mapped.count > 1, mapped.hasPrefix("0") { mapped.removeFirst() }
                return mapped
            }
            return letterKey(segment)
        }
        return segments.joined(separator: "/")
    }

    /// Look-alikes in a number's figures and in its symbol (`OCRConfusion.lookAlikes`).
    private static let figureLookAlikes = OCRConfusion.lookAlikeMap(for: .figures)
    private static let symbolLookAlikes = OCRConfusion.lookAlikeMap(for: .symbols)
    /// What OCR and typing put for the hyphen between a symbol's parts.
    private static let hyphens: Set<Character> = [".", ":", "_", "–", "—", "−"]

    /// A symbol's letters as `key` compares them (folded, 'O'/'0', 'I'/'L'/'1', 'D'/'B'/'P', '.' or ':' for '-').
    private static func letterKey<S: StringProtocol>(_ segment: S) -> String {
        String(segment.map { symbolLookAlikes[$0] ?? (hyphens.contains($0) ? "-" : $0) })
    }

    /// A symbol ('TTr-UBND', no figures) under the key `key` gives its letters: 'TIr-UBND' → 'TIR-UDND'.
    package static func symbolKey(_ symbol: String) -> String {
        var text = symbol.folded
        text.removeAll(where: \.isWhitespace)
        return letterKey(text)
    }

    /// The parts a symbol is made of, as printed: the Decree 30 types, legal documents cited, and
    /// issuing bodies and offices. The parser restores a misread part only to one of these; a part
    /// read as one of these is a clean reading, not a misreading of another.
    package static let symbolParts: [String] = DocumentType.decree30.map(\.code) + [
        // Legal documents cited in 'Căn cứ' lines: decrees, circulars, joint circulars, laws.
        "NĐ", "TT", "TTLT", "L",
        // Bodies and offices.
        "UBND", "HĐND", "TU", "HU", "ĐU", "BCĐ", "HĐCĐS", "BCĐCĐS", "CĐS", "VP", "VPUB", "VPCP", "VPQH",
        "TTg", "CP", "BTTTT", "STTTT", "BNV", "SNV", "BTC", "STC", "BKHĐT", "SKHĐT", "BCA", "BQP",
        "BGDĐT", "SGDĐT", "BYT", "SYT", "BTP", "STP", "BXD", "SXD", "BCT", "SCT", "BNNPTNT", "SNNPTNT",
        "BTNMT", "STNMT", "BLĐTBXH", "SLĐTBXH", "BVHTTDL", "SVHTTDL", "BKHCN", "SKHCN", "BGTVT", "SGTVT",
        "BNG", "TTCP", "KTNN", "NHNN", "BHXH", "CNTT", "CCHC", "QLDN", "TCCB", "TCCV", "VX", "KT", "KTTH",
        "NC", "TH", "VHTT", "VHXH", "TCKH", "KTHT", "NV", "TP", "TNMT", "LĐTBXH", "GDĐT", "YT", "VHTTDL",
        "VHTTTT", "VHTTTTDL", "TTTT", "TTr", "TCT", "CAT", "CAH", "MTTQ", "HND", "HPN", "ĐTN", "LĐLĐ",
        "QLVB", "BCĐCCHC", "ĐB", "ĐBQH", "THA", "TA", "VKS", "TCT", "CTN", "TTHC", "KSTT", "PCTT",
    ]
    private static let symbolPartKeys = Set(symbolParts.map(symbolKey))

    /// Whether the symbol read (`read`, figures left out) may be the declared symbol misread by OCR:
    /// the same under `key`, or every printed letter read as itself or as one of its readings in
    /// `OCRConfusion.table`, possibly twice ('QĐÐ-UBND', 'TIr-UBND' for 'TTr-UBND'), where no part
    /// that differs was read as another known part (a clean 'TTTT' is not a misread 'TTLT').
    package static func symbolMayBeMisread(declared: String, read: String) -> Bool {
        let printed = symbolKey(declared), got = symbolKey(read)
        guard !printed.isEmpty, !got.isEmpty else { return false }
        if printed == got { return true }
        guard OCRConfusion.mayRead(printed, as: got) else { return false }
        let printedParts = printed.split(separator: "-"), gotParts = got.split(separator: "-")
        guard printedParts.count == gotParts.count else { return false }
        return !zip(printedParts, gotParts).contains { $0 != $1 && symbolPartKeys.contains(String($1)) }
    }
}
