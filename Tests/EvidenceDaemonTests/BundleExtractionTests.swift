import Foundation
import Testing

/// `evidenced extract --json` on a bundle made at test time (three sample documents joined by qpdf):
/// each document with its pages and fields, the first also at the top level.
@Suite struct BundleExtractionTests {
    @Test func aBundleReportsEachDocument() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle.pdf")
        let parts = ["born-digital-qd-1246.pdf", "born-digital-kh-178.pdf", "born-digital-bb-08.pdf"]
        _ = try TestPaths.output(of: URL(fileURLWithPath: "/usr/bin/qpdf"),
                                 ["--empty", "--pages"] + parts.map { TestPaths.samples.appendingPathComponent($0).path } + ["--", bundle.path])
        let output = try TestPaths.output(of: TestPaths.executable, ["extract", bundle.path, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        let documents = try #require(report["documents"] as? [[String: Any]])
        #expect(documents.map { "\($0["firstPage"]!)-\($0["lastPage"]!)" } == ["1-2", "3-5", "6-6"])
        #expect(documents.compactMap { ($0["fields"] as? [String: Any])?["number"] as? String }
            == ["1246/QĐ-UBND", "178/KH-UBND", "08/BB-UBND"])
        #expect(report["number"] as? String == "1246/QĐ-UBND")
    }
}
