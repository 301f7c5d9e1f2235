import Foundation

/// Records of a CSV text as spreadsheets write it (RFC 4180: quoted fields may hold the delimiter,
/// doubled quotes and line breaks), each with the line it starts on. The delimiter is the one of
/// `,` `;` and tab found most often outside quotes on the first line: Excel on a system whose
/// decimal mark is a comma (Vietnamese, among others) separates with semicolons.
struct CSVRecords {
    struct Record {
        var line: Int
        var fields: [String]
    }

    static func parse(_ text: String) -> [Record] {
        let scalars = Array(text.unicodeScalars)
        let delimiter = Self.delimiter(scalars)
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var quoted = false, index = 0
        func endField() { fields.append(String(field)); field = .init() }
        func endRecord() {
            endField()
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case delimiter: endField()
            case "\r": continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.append(scalar)
            }
        }
        endRecord()
        return records
    }

    private static func delimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if scalar == "\n", !quoted { break }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        return [",", ";", "\t"].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
    }
}
