import Foundation
import Testing
import EvidenceModel
@testable import EvidenceParsing

@Test func dumpSeeds() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        let fields = DocumentParser().parse(text: text)
        let encoder = JSONEncoder(); encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print("=== \(name)\n" + String(decoding: try encoder.encode(fields), as: UTF8.self))
    }
}
