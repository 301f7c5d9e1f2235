import EvidenceModel
import EvidenceStore
import Foundation
import Hummingbird
import NIOCore

/// `GET /api/v1/scores` written straight to bytes (`JSONBytes`), exactly as `JSONResponse.encoder`
/// writes `APIScores`: a province's season is 70,000 claims, and `JSONEncoder` spent three quarters
/// of the answer's time on them in a profile. A claim's decision (a few in a thousand) is still
/// written by `JSONEncoder`; `APIScoresJSONTests` compares the bytes with it.
extension JSONResponse {
    static func make(scores: APIScores) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: scores.json()))
    }
}

extension APIScores {
    /// The keys in `JSONEncoder`'s `.sortedKeys` order; `period` left out when nil, as the
    /// synthesised encoding does.
    func json() -> ByteBuffer {
        var out = JSONBytes(capacity: 256 + units.reduce(0) { $0 + 256 + $1.claims.count * 160 })
        out.byte(UInt8(ascii: "{"))
        out.key("framework", first: true); out.string(framework)
        if let period { out.key("period"); out.string(period) }
        out.key("units"); out.byte(UInt8(ascii: "["))
        for (index, unit) in units.enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            unit.write(to: &out)
        }
        out.byte(UInt8(ascii: "]")); out.byte(UInt8(ascii: "}"))
        return out.buffer
    }
}

extension APIUnitScores {
    fileprivate func write(to out: inout JSONBytes) {
        out.byte(UInt8(ascii: "{"))
        out.key("accepted", first: true); out.number(accepted)
        out.key("claimed"); out.number(claimed)
        out.key("claims"); out.byte(UInt8(ascii: "["))
        for (index, claim) in claims.enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            claim.write(to: &out)
        }
        out.byte(UInt8(ascii: "]"))
        out.key("period"); out.byte(UInt8(ascii: "{"))
        out.key("from", first: true); out.string(period.from)
        out.key("to"); out.string(period.to)
        out.byte(UInt8(ascii: "}"))
        out.key("state"); out.string(state)
        out.key("submission"); out.string(submission)
        out.key("unit"); out.byte(UInt8(ascii: "{"))
        out.key("code", first: true); out.string(unit.code)
        out.key("level"); out.string(unit.level.rawValue)
        out.key("name"); out.string(unit.name)
        out.byte(UInt8(ascii: "}"))
        out.byte(UInt8(ascii: "}"))
    }
}

extension APIClaimScore {
    /// Every key written, null when absent (as `encode(to:)` does).
    fileprivate func write(to out: inout JSONBytes) {
        out.byte(UInt8(ascii: "{"))
        out.key("accepted", first: true); out.number(score.accepted)
        out.key("claimed"); out.number(score.claimed)
        out.key("decision")
        if let decision = score.decision, let data = try? JSONResponse.encoder.encode(decision) { out.raw(data) } else { out.null() }
        out.key("flagId"); if let flagId = score.flagId { out.integer(flagId) } else { out.null() }
        out.key("index"); out.integer(score.claimIndex)
        out.key("indicator"); out.string(score.indicator)
        out.key("openFlags"); out.integer(score.openFlags)
        out.key("reason"); if let reason = score.reason { out.string(reason.rawValue) } else { out.null() }
        out.key("status"); out.string(score.status.rawValue)
        out.byte(UInt8(ascii: "}"))
    }
}
