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
                var mapped = String(segment.map { char -> Character in
                    switch char {
                    case "O": return "0"
                    case "I", "L", "|": return "1"
                    default: return char
                    }
                })
                while mapped.count > 1, mapped.hasPrefix("0") { mapped.removeFirst() }
                return mapped
            }
            return String(segment.map { char -> Character in
                switch char {
                case "0": return "O"
                case "1", "L", "|": return "I"
                case "B", "P": return "D"
                case ".", ":", "_", "–", "—", "−": return "-"
                default: return char
                }
            })
        }
        return segments.joined(separator: "/")
    }
}
