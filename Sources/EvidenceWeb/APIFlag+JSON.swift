import EvidenceModel
import Foundation
import Hummingbird
import NIOCore

/// `[APIFlag]` written straight to bytes, exactly as `JSONResponse.encoder` writes it (sorted keys,
/// absent optionals left out, unescaped slashes, ISO 8601 dates to the second, numbers as Swift
/// prints them).
///
/// `GET /api/v1/flags` spent a third of its time in `JSONEncoder` (README, "Speed and memory"):
/// a dictionary of boxed values per flag, its keys sorted with a locale-aware comparison per object.
/// Here each flag's keys are written in their sorted order by hand; `APIFlagJSONTests` compares the
/// bytes with `JSONEncoder`'s for flags with every field present and absent, and for every kind of
/// character and number.
extension JSONResponse {
    /// The flag list's answer, as `make` would write it.
    static func make(flags: [APIFlag]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: APIFlag.json(flags)))
    }
}

extension APIFlag {
    static func json(_ flags: [APIFlag]) -> ByteBuffer {
        var out = JSONBytes(capacity: 64 + flags.count * 640)
        out.byte(UInt8(ascii: "["))
        for (index, flag) in flags.enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            flag.write(to: &out)
        }
        out.byte(UInt8(ascii: "]"))
        return out.buffer
    }

    /// The keys in `JSONEncoder`'s `.sortedKeys` order (case-insensitive, which these names need not).
    private func write(to out: inout JSONBytes) {
        out.byte(UInt8(ascii: "{"))
        out.key("ack", first: true); out.string(ack)
        if let box {
            out.key("box"); out.byte(UInt8(ascii: "{"))
            out.key("height", first: true); out.number(box.height)
            out.key("width"); out.number(box.width)
            out.key("x"); out.number(box.x)
            out.key("y"); out.number(box.y)
            out.byte(UInt8(ascii: "}"))
        }
        out.key("claimIndex"); out.integer(claimIndex)
        out.key("createdAt"); out.date(createdAt)
        out.key("event"); out.string(event)
        if let expected { out.key("expected"); out.string(expected) }
        if let field { out.key("field"); out.string(field) }
        if let file { out.key("file"); out.string(file) }
        if let found { out.key("found"); out.string(found) }
        out.key("id"); out.integer(id)
        out.key("indicator"); out.string(indicator)
        out.key("message"); out.string(message)
        if let page { out.key("page"); out.integer(page) }
        out.key("reason"); out.string(reason)
        out.key("revision"); out.integer(revision)
        out.key("score"); out.number(score)
        out.key("submission"); out.string(submission)
        if let supersededAt { out.key("supersededAt"); out.date(supersededAt) }
        out.key("unit"); out.string(unit)
        out.byte(UInt8(ascii: "}"))
    }
}

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
