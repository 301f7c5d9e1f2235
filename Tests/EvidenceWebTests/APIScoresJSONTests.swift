@testable import EvidenceWeb
import EvidenceModel
@testable import EvidenceStore
import Foundation
import NIOCore
import Testing

/// `GET /api/v1/scores` writes its JSON by hand (`APIScores+JSON.swift`): the bytes must be exactly
/// those `JSONResponse.encoder` writes for the same scores.
@Suite struct APIScoresJSONTests {
    static func claim(_ index: Int, _ text: String, _ score: Double, decided: Bool) -> ClaimScore {
        let decision = decided
            ? FlagDecision(id: Int64(index), flagId: Int64(index * 10), decidedBy: "council \(text)", decidedAt: Date(timeIntervalSince1970: 1_733_500_800.5),
                           action: .confirm, supportedScore: score / 2, comment: "cut: \(text)")
            : nil
        return ClaimScore(claimIndex: index, indicator: "I.\(index).\(text)", claimed: score, accepted: decided ? score / 2 : score,
                          status: decided ? .cut : ScoreStatus.allCases[index % ScoreStatus.allCases.count], openFlags: index % 3,
                          flagId: decided ? Int64(index * 10) : nil, reason: decided ? FlagReason.allCases[index % FlagReason.allCases.count] : nil,
                          decision: decision)
    }

    @Test(arguments: [nil, "2024"] as [String?])
    func theScoresAreWrittenExactlyAsJSONEncoderWritesThem(period: String?) throws {
        var units: [APIUnitScores] = []
        for (index, text) in APIFlagJSONTests.texts.enumerated() {
            let claims = APIFlagJSONTests.scores.enumerated().map { Self.claim($0.offset, text, $0.element, decided: $0.offset % 4 == 1) }
            let level = Submission.Level.allCases[index % Submission.Level.allCases.count]
            units.append(APIUnitScores(UnitScores(submission: "sub/\(text)", unit: Submission.Unit(code: "U-\(text)", name: text, level: level, bodies: ["x"]),
                                                  framework: "f", period: Submission.Period(from: "2024-01-01", to: text),
                                                  state: SubmissionState.allCases[index % SubmissionState.allCases.count], claims: claims)))
        }
        units.append(APIUnitScores(UnitScores(submission: "empty", unit: Submission.Unit(code: "E", name: "E", level: .commune),
                                              framework: "f", period: Submission.Period(from: "a", to: "b"), state: .queued, claims: [])))
        for scores in [APIScores(framework: "thanhhoa \"dti\"", period: period, units: units),
                       APIScores(framework: "f", period: period, units: [])] {
            let expected = try JSONResponse.encoder.encode(scores)
            let written = Data(buffer: scores.json())
            #expect(written == expected, "\(String(decoding: written.prefix(400), as: UTF8.self))\n≠\n\(String(decoding: expected.prefix(400), as: UTF8.self))")
        }
    }
}
