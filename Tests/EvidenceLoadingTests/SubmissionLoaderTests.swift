import EvidenceModel
import Foundation
import Testing
import EvidenceVerification
@testable import EvidenceLoading

@Suite struct SubmissionLoaderTests {
    let loader: SubmissionLoader
    init() throws { loader = SubmissionLoader(catalog: try FrameworkCatalog.load(directory: Fixture.frameworks)) }

    static let example = """
    {"submission": "trabong-huyen-2024",
     "unit": {"code": "H-TRABONG", "name": "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", "level": "district"},
     "framework": "thanhhoa-dti-district-2021",
     "period": {"from": "2024-01-01", "to": "2024-12-31"},
     "claims": [{"indicator": "2.1.2", "score": 3,
                 "evidence": [{"file": "kh-45.pdf", "number": "45/KH-UBND", "date": "2024-02-15",
                               "signer": "Lê Văn Bình"}]},
                {"indicator": "II.1.3.1", "score": 0.5, "evidence": [{"file": "docs/nq.pdf"}]}]}
    """

    func refusal(_ json: String, directory: URL? = nil) -> SubmissionError? {
        do { _ = try loader.decode(json: json, file: "submission.json", directory: directory); return nil } catch { return error }
    }

    @Test func theIssueExampleLoads() throws {
        let loaded = try loader.decode(json: Self.example)
        let submission = loaded.submission
        #expect(submission.submission == "trabong-huyen-2024")
        #expect(submission.unit == Submission.Unit(code: "H-TRABONG", name: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", level: .district))
        #expect(submission.period == Submission.Period(from: "2024-01-01", to: "2024-12-31"))
        #expect(submission.claims.count == 2)
        #expect(submission.claims[0].evidence == [Submission.Evidence(file: "kh-45.pdf", number: "45/KH-UBND", date: "2024-02-15", signer: "Lê Văn Bình")])
        #expect(submission.claims[1].score == 0.5)
        #expect(loaded.framework.id == "thanhhoa-dti-district-2021")
        #expect(loaded.evidenceFiles == ["kh-45.pdf", "docs/nq.pdf"])
    }

    @Test func loadsFromAFolder() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.example.write(to: folder.appendingPathComponent("submission.json"), atomically: true, encoding: .utf8)
        let loaded = try loader.load(directory: folder)
        #expect(loaded.url(of: "kh-45.pdf").lastPathComponent == "kh-45.pdf")
        #expect(loaded.url(of: "kh-45.pdf").deletingLastPathComponent().path == loaded.directory.path)
        let empty = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: SubmissionError.self) { try loader.load(directory: empty) }
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var from: String, to: String, field: String, reason: String
        var testDescription: String { field + ": " + reason }
    }

    static let badCases: [BadCase] = [
        BadCase(from: #""submission": "trabong-huyen-2024","#, to: "", field: "submission", reason: "missing"),
        BadCase(from: #""level": "district""#, to: #""level": "county""#, field: "unit.level", reason: "'county' is not one of province"),
        BadCase(from: #""level": "district""#, to: #""level": "commune""#, field: "unit.level", reason: "assesses district units, not commune"),
        BadCase(from: #""from": "2024-01-01""#, to: #""from": "2024-02-30""#, field: "period.from", reason: "not an ISO date"),
        BadCase(from: #""from": "2024-01-01""#, to: #""from": "2025-01-01""#, field: "period", reason: "from 2025-01-01 is after to 2024-12-31"),
        BadCase(from: #""date": "2024-02-15""#, to: #""date": "15/02/2024""#, field: "claims[0].evidence[0].date", reason: "not an ISO date"),
        BadCase(from: #""file": "kh-45.pdf""#, to: #""file": "/etc/passwd""#, field: "claims[0].evidence[0].file", reason: "must be relative"),
        BadCase(from: #""file": "docs/nq.pdf""#, to: #""file": "docs/../../nq.pdf""#, field: "claims[1].evidence[0].file", reason: "leaves the submission folder ('..')"),
        BadCase(from: #""framework": "thanhhoa-dti-district-2021""#, to: #""framework": "hanoi-2030""#, field: "framework", reason: "unknown framework 'hanoi-2030'"),
        BadCase(from: #""indicator": "2.1.2""#, to: #""indicator": "9.9""#, field: "claims[0].indicator", reason: "unknown indicator '9.9'"),
        BadCase(from: #""score": 3"#, to: #""score": -1"#, field: "claims[0].score", reason: "must not be negative"),
        BadCase(from: #""score": 3"#, to: #""score": "3""#, field: "claims[0].score", reason: "must be a number, found text"),
        BadCase(from: #""score": 3"#, to: #""score": true"#, field: "claims[0].score", reason: "must be a number, found true/false"),
        BadCase(from: #""score": 3,"#, to: "", field: "claims[0].score", reason: "missing"),
        BadCase(from: #""code": "H-TRABONG", "#, to: "", field: "unit.code", reason: "missing"),
        BadCase(from: #""claims": ["#, to: #""claims": {"x": 1}, "old": ["#, field: "claims", reason: "must be a list"),
    ]

    @Test(arguments: badCases)
    func manifestErrorsNameTheField(_ bad: BadCase) {
        #expect(Self.example.contains(bad.from))
        let error = refusal(Self.example.replacingOccurrences(of: bad.from, with: bad.to))
        #expect(error?.field == bad.field, "\(String(describing: error))")
        #expect(error?.reason.contains(bad.reason) == true, "\(String(describing: error))")
    }

    @Test func malformedJSONGivesThePosition() {
        let broken = Self.example.replacingOccurrences(of: #""framework": "thanhhoa-dti-district-2021","#,
                                                       with: #""framework": "thanhhoa-dti-district-2021""#)
        let error = refusal(broken)
        #expect(error?.line == 4 && error?.column == 2, "\(String(describing: error))")
        #expect(error?.reason.contains("malformed JSON") == true)
        #expect(error?.description.hasPrefix("submission.json:4:2:") == true)
        #expect(refusal("{\"submission\": \"x\"")?.reason.contains("end of the file") == true)
        #expect(refusal("")?.line == 1)
        #expect(refusal("[1, 2]")?.reason.contains("must be an object") == true)
    }

    @Test func symlinkOutOfTheFolderIsRefused() throws {
        let folder = try Fixture.temporaryFolder()
        let outside = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: outside) }
        try "secret".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("docs"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("kh-45.pdf"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.txt"))
        let error = refusal(Self.example, directory: folder)
        #expect(error?.field == "claims[0].evidence[0].file")
        #expect(error?.reason.contains("symbolic link") == true)
        // A symlink that stays inside is fine; a missing file is the checker's business (file-missing).
        try FileManager.default.removeItem(at: folder.appendingPathComponent("kh-45.pdf"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("docs"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("docs"), withDestinationURL: folder.appendingPathComponent("real"))
        #expect(refusal(Self.example, directory: folder) == nil)
    }
}
