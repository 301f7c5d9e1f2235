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
