@testable import EvidenceWeb
import EvidenceStore
import Foundation
import Testing

/// The review queue's rows answer swift-mustache by name (`ReviewRow+Mustache.swift`): every
/// stored property, as `Mirror` reads it (an optional unwrapped, nil missing), and nothing else.
@Suite struct ReviewRowTests {
    @Test func everyPropertyAnswersAsMirrorReadsIt() throws {
        let flag = APIFlagJSONTests.queued(id: 7, text: "Ủy ban <b>", score: 2.5, createdAt: Date(), supersededAt: nil, full: true)
        let decision = FlagDecision(id: 1, flagId: 7, decidedBy: "council", decidedAt: Date(), action: .confirm,
                                    supportedScore: nil, answer: nil, comment: nil)
        for row in [ReviewRow(ReviewItem(flag: flag, decision: nil), position: 0), ReviewRow(ReviewItem(flag: flag, decision: decision), position: 3)] {
            let children = Mirror(reflecting: row).children
            #expect(children.count == 11)
            for child in children {
                let label = try #require(child.label)
                let expected: String?
                if let text = child.value as? String? { expected = text } else { expected = String(describing: child.value) }
                #expect(row.child(named: label).map { String(describing: $0) } == expected, "\(label)")
            }
            #expect(row.child(named: "chrome") == nil && row.child(named: "") == nil)
        }
    }
}
