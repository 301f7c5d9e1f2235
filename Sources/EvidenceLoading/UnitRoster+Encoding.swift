import EvidenceModel
import Foundation

/// The roster's bytes as text. Excel on a Vietnamese Windows saves "CSV" in Windows-1258 and
/// "CSV UTF-8" with a byte-order mark; LibreOffice and scripts write UTF-8 without one; "Unicode
/// text" is UTF-16 with its mark. A file that is none of these (UTF-8 and 1258 lines mixed, bytes
/// 1258 leaves undefined) is refused naming each line that cannot be read, never guessed at.
extension UnitRoster {
    static func text(of data: Data) -> Result<String, UnitRosterError> {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(bytes: bytes.dropFirst(2), encoding: .utf16LittleEndian) { return .success(text.nfc) }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(bytes: bytes.dropFirst(2), encoding: .utf16BigEndian) { return .success(text.nfc) }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text.nfc) }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Valid UTF-8 with letters beyond ASCII on some lines and not on others: two encodings in one file.
        let utf8Lines = lines.indices.filter { index in
            lines[index].contains { $0 >= 0x80 } && String(validating: lines[index], as: UTF8.self) != nil
        }
        let badLines: [Int]
        if !utf8Lines.isEmpty {
            badLines = lines.indices.filter { String(validating: lines[$0], as: UTF8.self) == nil }
        } else {
            let text = Windows1258.decode(bytes)
            guard text.contains("\u{FFFD}") else { return .success(text) }
            badLines = lines.indices.filter { Windows1258.decode(lines[$0]).contains("\u{FFFD}") }
        }
        return .failure(UnitRosterError(badLines.map {
            UnitRosterProblem(line: $0 + 1, "mã hóa không đọc được: lưu tệp dạng CSV UTF-8 (bad encoding: save as CSV UTF-8)")
        }))
    }

    private static func utf8(_ bytes: [UInt8]) -> Result<String, UnitRosterError> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text.nfc) }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        return .failure(UnitRosterError(lines.indices.filter { String(validating: lines[$0], as: UTF8.self) == nil }.map {
            UnitRosterProblem(line: $0 + 1, "không phải UTF-8 dù tệp ghi là UTF-8 (bad encoding: not UTF-8 after a UTF-8 byte-order mark)")
        }))
    }
}
