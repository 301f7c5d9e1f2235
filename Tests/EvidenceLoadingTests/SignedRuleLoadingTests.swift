import Foundation
import Testing
import EvidenceVerification
@testable import EvidenceLoading

/// `signed: required` in a framework file.
@Suite struct SignedRuleLoadingTests {
    @Test func signedRequiredIsReadFromTheRuleFile() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(contentsOf: Fixture.frameworks.appendingPathComponent("thanhhoa-dti-district-2021.yaml"), encoding: .utf8)
        let url = folder.appendingPathComponent("signed.yaml")
        func withSigned(_ word: String) -> String {
            source.replacing(/\n( *)evidence:\n( *)/) { match in "\n\(match.1)evidence:\n\(match.2)signed: \(word)\n\(match.2)" }
        }
        try withSigned("required").write(to: url, atomically: true, encoding: .utf8)
        let framework = try Framework.load(contentsOf: url)
        #expect(framework.allIndicators.contains { $0.evidence?.signed == .required })
        try withSigned("maybe").write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: FrameworkError.self) { try Framework.load(contentsOf: url) }
    }
}
