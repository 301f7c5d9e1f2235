import EvidenceModel
import Foundation
import Testing
import EvidenceVerification
@testable import EvidenceLoading

@Suite struct FrameworkLoadingTests {
    @Test func thanhHoaTableLoadsWithItsPillarsAndSums() throws {
        let framework = try Fixture.thanhhoa()
        #expect(framework.sections.map(\.code) == ["I", "II", "III"])
        #expect(framework.sections.map(\.maxPoints) == [160, 75, 35])
        #expect(framework.maxPoints == 270)
        #expect(framework.allIndicators.count == 213)
        for section in framework.sections {
            #expect(section.indicators.reduce(0) { $0 + $1.maxPoints } == section.maxPoints)
        }
        for indicator in framework.allIndicators where !indicator.children.isEmpty {
            #expect(indicator.children.reduce(0) { $0 + $1.maxPoints } == indicator.maxPoints, "\(indicator.fullCode)")
        }
        #expect(framework.sections.map { $0.indicators.count } == [6, 6, 7])
    }

    /// `indicator(_:)` walks the table in place: the same answer as the plain search over
    /// `allIndicators` for every code, written as claims write it, and for codes that name nothing.
    @Test func indicatorLookupFindsWhatTheTableSearchFinds() throws {
        let framework = try Fixture.thanhhoa()
        func plain(_ code: String) -> Indicator? {
            let key = code.filter { !$0.isWhitespace }.uppercased()
            guard !key.isEmpty else { return nil }
            if let exact = framework.allIndicators.first(where: { $0.fullCode.uppercased() == key }) { return exact }
            guard let section = framework.defaultSection, !section.isEmpty else { return nil }
            return framework.allIndicators.first(where: { $0.fullCode.uppercased() == section.uppercased() + "." + key })
        }
        var codes = ["", " ", "9.9.9", "I.", "ii.2.1.2", "Ⅰ.2.1.2", "\u{212A}", "1.1.3.Ａ"]
        for indicator in framework.allIndicators {
            codes += [indicator.fullCode, indicator.code, indicator.fullCode.lowercased(), " \(indicator.code.lowercased()) ",
                      indicator.fullCode + ".x"]
        }
        for code in codes { #expect(framework.indicator(code) == plain(code), "\(code)") }
    }

    @Test func rulesTheIssueNames() throws {
        let framework = try Fixture.thanhhoa()
        let team = try #require(framework.indicator("2.3.1"))
        #expect(team.fullCode == "I.2.3.1")
        #expect(team.name.hasPrefix("Quyết định thành lập Tổ công tác chuyển đổi số"))
        #expect(team.evidence?.types == ["QĐ"])
        #expect(team.evidence?.issuer == .assessedUnit)
        #expect(team.office == "VHTT")

        let annual = try #require(framework.indicator("2.1.2"))
        #expect(annual.evidence?.types == ["KH"])
        #expect(annual.evidence?.period == .within)
        #expect(framework.indicator("II.2.1.2")?.name.contains("khởi nghiệp") == true)

        let meetings = try #require(framework.indicator("1.2.2"))
        #expect(meetings.evidence?.signer == .head)
        #expect(meetings.evidence?.count?.perDocument == 2)
        #expect(meetings.evidence?.count?.cap == 2)
        #expect(meetings.evidence?.count?.deputyPerDocument == 1)
        #expect(meetings.evidence?.count?.source == .table)
        #expect(framework.indicator("2.2.1")?.evidence?.count?.source == .assumption)
        #expect(framework.unitBodies.contains("BAN CHỈ ĐẠO"))
        #expect(meetings.children.map(\.code) == ["1.2.2.a", "1.2.2.b"])

        let statistics = try #require(framework.indicator("4.6.1"))
        #expect(statistics.evidence?.kind == .report)
        #expect(framework.indicator("9.9.9") == nil)
        #expect(framework.indicator(" i.2.1.2 ")?.fullCode == "I.2.1.2")
    }

    @Test func catalogLoadsEveryFrameworkById() throws {
        let catalog = try FrameworkCatalog.load(directory: Fixture.frameworks)
        #expect(catalog.ids == ["example-commune-2024", "example-province-2025", "thanhhoa-dti-district-2021"])
        let commune = try #require(catalog["example-commune-2024"])
        #expect(commune.sections.count == 1 && commune.sections[0].code.isEmpty)
        #expect(commune.indicator("1.2")?.evidence?.issuer == .oneOf(["self", "ỦY BAN NHÂN DÂN HUYỆN"]))
        #expect(commune.indicator("1.2")?.evidence?.minDocuments == 2)
        #expect(commune.indicator("2.2")?.evidence?.types == ["TTHT", "TB"])
        #expect(commune.indicator("2.1")?.evidence == nil)
    }

    @Test func catalogRefusesAnIdThatIsNotTheFileName() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.minimal.write(to: folder.appendingPathComponent("other-name.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: FrameworkError.self) { try FrameworkCatalog.load(directory: folder) }
        do { _ = try FrameworkCatalog.load(directory: folder) } catch {
            #expect(error.reason.contains("must equal the file name"))
        }
    }

    static let minimal = """
    id: tiny
    name: Tiny
    levels: [commune]
    indicators:
      - code: "1"
        name: Một
        max_points: 2
        children:
          - code: "1.1"
            name: Một một
            max_points: 2
            evidence:
              types: [KH]
    """

    /// Loads `yaml` expecting a refusal; returns it.
    func refusal(_ yaml: String) -> FrameworkError? {
        do { _ = try Framework.load(yaml: yaml, file: "bad.yaml"); return nil } catch { return error }
    }

    @Test func minimalFrameworkLoads() throws {
        let framework = try Framework.load(yaml: Self.minimal, file: "tiny.yaml")
        #expect(framework.indicator("1.1")?.maxPoints == 2)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var yaml: String; var line: Int; var reason: String
        var testDescription: String { reason }
    }

    static let badCases: [BadCase] = [
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "    max_points: 2\n    children", with: "    maxpoints: 2\n    children"), line: 7, reason: "unknown key 'maxpoints'"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "        max_points: 2\n        evidence", with: "        evidence"), line: 9, reason: "missing key 'max_points' in indicator 1.1"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "        max_points: 2\n        evidence", with: "        max_points: 3\n        evidence"), line: 7, reason: "sum to 3, above its max_points 2"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "types: [KH]", with: "types: [KH, XYZ]"), line: 13, reason: "unknown document type 'XYZ'"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "code: \"1.1\"", with: "code: \"2.1\""), line: 9, reason: "must be '1.' followed by one part"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "types: [KH]", with: "types: [KH]\n          signer: boss"), line: 14, reason: "signer must be head or any"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "max_points: 2\n    children", with: "max_points: -1\n    children"), line: 7, reason: "must not be negative"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "name: Một\n", with: "name: Một\n    office: VP\n"), line: 7, reason: "unknown office 'VP'"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "levels: [commune]", with: "levels: [village]"), line: 3, reason: "unknown level 'village'"),
        BadCase(yaml: Self.minimal + "\n  - code: \"1\"\n    name: Lặp\n    max_points: 1", line: 14, reason: "duplicate code '1' (first on line 5)"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "types: [KH]", with: "types: [KH]\n          count: {per_document: 1, cap: 5}"), line: 14, reason: "cap 5 is above the indicator's max_points 2"),
        BadCase(yaml: Self.minimal.replacingOccurrences(of: "name: Tiny", with: "name: [Tiny"), line: 3, reason: "invalid YAML"),
    ]

    @Test(arguments: badCases)
    func refusesWithLineAndReason(_ bad: BadCase) {
        let (yaml, line, reason) = (bad.yaml, bad.line, bad.reason)
        let error = refusal(yaml)
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("bad.yaml:\(line):") == true)
    }

    @Test func strictSumsRefusesChildrenBelowTheParent() {
        let yaml = Self.minimal.replacingOccurrences(of: "name: Tiny", with: "name: Tiny\nstrict_sums: true")
            .replacingOccurrences(of: "        max_points: 2\n        evidence", with: "        max_points: 1\n        evidence")
        let error = refusal(yaml)
        #expect(error?.reason.contains("below its max_points") == true)
        #expect(error?.line == 8)
    }

    @Test func sectionsAndDefaultSectionAreValidated() {
        let yaml = """
        id: s
        name: S
        levels: [district]
        default_section: IV
        sections:
          - code: I
            name: A
            max_points: 1
            indicators:
              - {code: "1", name: B, max_points: 1}
        """
        #expect(refusal(yaml)?.reason.contains("default_section 'IV' is not a section code") == true)
        #expect(refusal(yaml)?.line == 4)
        let over = yaml.replacingOccurrences(of: "default_section: IV", with: "max_points: 0.5")
        #expect(refusal(over)?.reason.contains("above its max_points 0.5") == true)
    }

    @Test func anEmptyOrNonMappingFileIsRefused() {
        #expect(refusal("")?.reason == "the file is empty")
        #expect(refusal("- a\n- b")?.reason == "the framework must be a mapping")
    }
}
