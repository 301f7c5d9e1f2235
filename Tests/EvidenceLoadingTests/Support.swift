import Foundation
import EvidenceVerification
@testable import EvidenceLoading

enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let frameworks = repository.appendingPathComponent("models/frameworks")

    static func thanhhoa() throws -> Framework {
        try Framework.load(contentsOf: frameworks.appendingPathComponent("thanhhoa-dti-district-2021.yaml"))
    }

    /// A temporary folder removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
