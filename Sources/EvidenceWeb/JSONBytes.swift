import EvidenceModel
import Foundation
import NIOCore

/// A JSON text being written, value by value, the way Foundation's `JSONEncoder` writes each kind.
/// Bytes are gathered in an array and copied into a `ByteBuffer` once, at the end.
struct JSONBytes {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    /// `"name":`, after a comma unless it is the object's first.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { byte(UInt8(ascii: ",")) }
        byte(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        byte(UInt8(ascii: "\"")); byte(UInt8(ascii: ":"))
    }

    mutating func integer(_ value: some BinaryInteger) { bytes.append(contentsOf: String(value).utf8) }

    mutating func null() { text("null") }

    /// A value some other writer already wrote as JSON.
    mutating func raw(_ data: Data) { bytes.append(contentsOf: data) }

    /// As `JSONEncoder` writes a finite `Double`: its `description`, without a trailing ".0".
    mutating func number(_ value: Double) {
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    /// Quotes, backslashes and control characters escaped, everything else (slashes, non-ASCII) as it is.
    mutating func string(_ value: String) {
        byte(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs without anything to escape are copied whole.
            var run = 0
            for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "\\") || utf8[index] < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                escape(utf8[index])
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        byte(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): text("\\\"")
        case UInt8(ascii: "\\"): text("\\\\")
        case 0x08: text("\\b")
        case 0x0C: text("\\f")
        case UInt8(ascii: "\n"): text("\\n")
        case UInt8(ascii: "\r"): text("\\r")
        case UInt8(ascii: "\t"): text("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            text("\\u00")
            bytes.append(hex.utf8Start[Int(byte >> 4)]); bytes.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    private mutating func text(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `JSONEncoder`'s `.iso8601`: "2024-05-06T07:08:09Z" in UTC, the fraction of a second dropped.
    mutating func date(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = Int(seconds - days * 86_400)
        let (year, month, day) = CivilDay.date(days: Int(days))
        byte(UInt8(ascii: "\""))
        digits(year, 4); byte(UInt8(ascii: "-")); digits(month, 2); byte(UInt8(ascii: "-")); digits(day, 2)
        byte(UInt8(ascii: "T")); digits(time / 3600, 2); byte(UInt8(ascii: ":")); digits(time / 60 % 60, 2)
        byte(UInt8(ascii: ":")); digits(time % 60, 2)
        byte(UInt8(ascii: "Z")); byte(UInt8(ascii: "\""))
    }

    /// A non-negative number in at least `width` digits, zeros first.
    private mutating func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor * 10 <= value { divisor *= 10 }
        while divisor > 0 {
            byte(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
