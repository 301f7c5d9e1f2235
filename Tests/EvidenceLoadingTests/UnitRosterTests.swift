import EvidenceModel
import Foundation
import Testing
@testable import EvidenceLoading

/// The secretariat's roster as spreadsheets save it: every encoding Excel writes read alike, every
/// bad row named by its line, and a roster with one bad row refused whole.
@Suite struct UnitRosterTests {
    static let rows = [
        "Mã đơn vị,Tên đơn vị,Cấp,Cơ quan cấp trên,Liên hệ",
        "H-BATO,ỦY BAN NHÂN DÂN HUYỆN BA TƠ,Huyện,UBND tỉnh Quảng Ngãi,bato@quangngai.gov.vn",
        "x-bathanh,\"UBND xã Ba Thành, huyện Ba Tơ\",cấp xã,UBND huyện Ba Tơ,0255 3861 234",
        "S-TTTT,Sở Thông tin và Truyền thông,sở,UBND tỉnh Quảng Ngãi,",
    ]

    static func entries(_ data: Data) throws -> [UnitRosterEntry] {
        switch UnitRoster.read(data) {
        case .success(let entries): return entries
        case .failure(let error): Issue.record("refused: \(error)"); return []
        }
    }

    static func problems(_ data: Data) -> [UnitRosterProblem] {
        switch UnitRoster.read(data) {
        case .success(let entries): Issue.record("read \(entries.count) rows of a bad roster"); return []
        case .failure(let error): return error.problems
        }
    }

    /// Windows-1258 as Excel writes it: tone marks as combining characters after the letter.
    static func windows1258(_ text: String) -> Data {
        var bytes: [UInt8] = []
        let table: [Unicode.Scalar: UInt8] = ["Â": 0xC2, "Ê": 0xCA, "Ô": 0xD4, "Ơ": 0xD5, "Ư": 0xDD, "Đ": 0xD0, "Ă": 0xC3,
                                              "â": 0xE2, "ê": 0xEA, "ô": 0xF4, "ơ": 0xF5, "ư": 0xFD, "đ": 0xF0, "ă": 0xE3]
        let tones: [Unicode.Scalar: UInt8] = ["\u{300}": 0xCC, "\u{301}": 0xEC, "\u{303}": 0xDE, "\u{309}": 0xD2, "\u{323}": 0xF2]
        for character in text {
            // Letter, then its tone: split the precomposed letter into base (kept precomposed) and tone.
            let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
            let tone = scalars.first { tones[$0] != nil }
            let base = String(String.UnicodeScalarView(scalars.filter { tones[$0] == nil })).precomposedStringWithCanonicalMapping
            for scalar in base.unicodeScalars {
                if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { bytes.append(table[scalar] ?? 0x3F) }
            }
            if let tone { bytes.append(tones[tone]!) }
        }
        return Data(bytes)
    }

    @Test func readsUTF8WithAndWithoutAByteOrderMarkAndExcelsWindows1258Alike() throws {
        let text = Self.rows.joined(separator: "\r\n") + "\r\n"
        let plain = try Self.entries(Data(text.utf8))
        #expect(plain.count == 3)
        #expect(plain[0] == UnitRosterEntry(line: 2, unit: .init(code: "H-BATO", name: "ỦY BAN NHÂN DÂN HUYỆN BA TƠ", level: .district),
                                            parentBody: "UBND tỉnh Quảng Ngãi", contact: "bato@quangngai.gov.vn"))
        #expect(plain[1].unit.code == "X-BATHANH" && plain[1].unit.name == "UBND xã Ba Thành, huyện Ba Tơ" && plain[1].unit.level == .commune)
        #expect(plain[2].unit.level == .department && plain[2].contact == nil)
        #expect(plain.map(\.accountName) == ["h-bato", "x-bathanh", "s-tttt"])

        let withMark = try Self.entries(Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: ",", with: ";")
            .replacingOccurrences(of: "\"UBND xã Ba Thành; huyện Ba Tơ\"", with: "\"UBND xã Ba Thành, huyện Ba Tơ\"").utf8))
        #expect(withMark == plain)
        let excel = Self.windows1258(text)
        #expect(String(data: excel, encoding: .utf8) == nil, "the fixture must not be UTF-8")
        #expect(try Self.entries(excel) == plain)
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(text.replacingOccurrences(of: ",", with: "\t").replacingOccurrences(of: "Thành\t huyện", with: "Thành, huyện").data(using: .utf16LittleEndian)!)
        #expect(try Self.entries(utf16) == plain)
    }

    @Test func withoutAHeaderTheColumnsAreTakenInOrder() throws {
        let entries = try Self.entries(Data("H-BATO,Huyện Ba Tơ,district,,\nX-BATHANH,Xã Ba Thành,commune\n".utf8))
        #expect(entries.map(\.unit.code) == ["H-BATO", "X-BATHANH"])
        #expect(entries.map(\.line) == [1, 2])
    }

    @Test func everyBadRowIsNamedByItsLine() {
        let text = """
            code,name,level,parent,contact
            H-BATO,Huyện Ba Tơ,district,,
            h-bato,Huyện Ba Tơ (lần hai),district,,
            X-1,Xã Một,thôn,,
            ,Không mã,xã,,
            X-2,,xã,,
            X 3!,Xã Ba,xã,,
            X-4,Xã Bốn,xã,,không-liên-lạc
            "X-5","Xã ""Năm""
            dòng hai",xã,,
            X-6,Xã Sáu,xã,,0912 345 678

            """
        let problems = Self.problems(Data(text.utf8))
        func at(_ line: Int) -> [String] { problems.filter { $0.line == line }.map(\.message) }
        #expect(at(3).count == 1 && at(3)[0].contains("duplicate code, first on line 2"))
        #expect(at(4).count == 1 && at(4)[0].contains("unknown level"))
        #expect(at(5).count == 1 && at(5)[0].contains("no unit code"))
        #expect(at(6).count == 1 && at(6)[0].contains("no unit name"))
        #expect(at(7).count == 1 && at(7)[0].contains("ASCII letters"))
        #expect(at(8).count == 1 && at(8)[0].contains("neither an e-mail nor a phone"))
        // A quoted name over two lines is named by the line its row starts on.
        #expect(at(9).count == 1 && at(9)[0].contains("control characters"))
        #expect(at(2).isEmpty && at(10).isEmpty && at(11).isEmpty)
        #expect(Set(problems.map(\.line)) == [3, 4, 5, 6, 7, 8, 9])
    }

    @Test func aFileInNoEncodingIsRefusedNamingTheLinesThatCannotBeRead() {
        // A UTF-8 roster a colleague appended a line to from an old Excel: two encodings in one file.
        let mixed = Data("code,name,level\nH-BATO,Huyện Ba Tơ,district\n".utf8) + Self.windows1258("X-2,Xã Hai,xã\n")
        #expect(Self.problems(mixed).map(\.line) == [3])
        #expect(Self.problems(mixed)[0].message.contains("bad encoding"))
        // Bytes Windows-1258 leaves undefined (0x81, 0x8D) on line 2.
        let undefined = Data("code,name,level\nH-BATO,Huy".utf8) + Data([0x81, 0x8D]) + Data("n,district\n".utf8)
        #expect(Self.problems(undefined).map(\.line) == [2])
        // A byte-order mark promises UTF-8: a 1258 line after it is not guessed at.
        let promised = Data([0xEF, 0xBB, 0xBF]) + Data("code,name,level\n".utf8) + Self.windows1258("X-2,Xã Hai,xã\n")
        #expect(Self.problems(promised).map(\.line) == [2])
    }

    @Test func levelsAsTheSecretariatWritesThem() {
        for (text, level) in [("tỉnh", Submission.Level.province), ("Cấp tỉnh", .province), ("Sở", .department),
                              ("sở, ban, ngành", .department), ("huyện", .district), ("Quận", .district), ("thị xã", .district),
                              ("xã", .commune), ("Phường", .commune), ("thị trấn", .commune), ("commune", .commune), ("District", .district)] {
            #expect(UnitRoster.level(text) == level, "\(text)")
        }
        #expect(UnitRoster.level("thôn") == nil)
        #expect(UnitRoster.level("") == nil)
    }

    @Test func anEmptyFileOrAHeaderAloneIsRefused() {
        #expect(Self.problems(Data()).map(\.line) == [0])
        #expect(Self.problems(Data("code,name,level\n".utf8)).map(\.line) == [0])
    }
}
