import EvidenceModel
import EvidenceStore
import Foundation
import NIOCore
import Testing
import Yams

/// Every enum the served OpenAPI document lists, read back as YAML, against the Swift type the API
/// encodes: a code added in Swift and missing from the document (or the reverse) would send
/// schemathesis and the scoring system's client generator a contract the server does not keep.
@Suite struct OpenAPIEnumTests {
    static func codes<Code: CaseIterable & RawRepresentable>(_: Code.Type) -> [String] where Code.RawValue == String {
        Code.allCases.map(\.rawValue)
    }

    /// Where each enum sits ("Schema" or "Schema.property" under components, "path method.property"
    /// under paths) and what it must list. An enum the document gains must be added here.
    static let expected: [String: [String]] = [
        "Reason": codes(FlagReason.self),
        "Unit.level": codes(Submission.Level.self),
        "Submission.state": codes(SubmissionState.self),
        "Results.verdict": codes(ClaimVerdict.self),
        "Document.state": codes(DocumentState.self),
        "Decision.action": codes(DecisionAction.self),
        "/api/v1/flags/{id}/decisions post.action": codes(DecisionAction.self),
        "Scores.state": codes(SubmissionState.self),
        "Scores.status": codes(ScoreStatus.self),
        // Queue events' discriminators: one value each, no Swift enum behind them.
        "DecisionEvent.event": ["decision"],
        "Flag.event": ["flag"],
        "ScoreEvent.event": ["score"],
    ]

    @Test func documentEnumsAreTheSwiftCases() async throws {
        let harness = try WebHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let text = String(buffer: try await client.execute(uri: "/api/openapi.yaml", method: .get).body)
            let document = try #require(try Yams.compose(yaml: text))
            var found: [String: [String]] = [:]
            Self.collectEnums(document, path: [], into: &found)
            #expect(Set(found.keys) == Set(Self.expected.keys))
            for (place, codes) in Self.expected {
                #expect(found[place] == codes, "enum at \(place)")
            }
        }
    }

    /// Every `enum:` in the tree, keyed by its place.
    static func collectEnums(_ node: Node, path: [String], into found: inout [String: [String]]) {
        guard let mapping = node.mapping else {
            for child in node.sequence ?? [] { collectEnums(child, path: path, into: &found) }
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if name == "enum" {
                found[place(path), default: []] = (value.sequence ?? []).compactMap(\.string)
            } else {
                collectEnums(value, path: path + [name], into: &found)
            }
        }
    }

    static func place(_ path: [String]) -> String {
        switch path.first {
        case "components" where path.count >= 3:
            path.count == 3 ? path[2] : "\(path[2]).\(path[path.count - 1])"
        case "paths" where path.count >= 3:
            "\(path[1]) \(path[2]).\(path[path.count - 1])"
        default:
            path.joined(separator: ".")
        }
    }
}
