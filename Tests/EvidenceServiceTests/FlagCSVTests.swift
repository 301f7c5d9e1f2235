import EvidenceModel
import Foundation
import Testing
import EvidenceStore
@testable import EvidenceService

/// The flags the CSV tests render.
private enum Sample {
    static let trabong = Submission.Unit(code: "H-TRABONG", name: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", level: .district)
    static let numberMismatch = Flag(reason: .numberMismatch, message: "Số văn bản không khớp", file: "kh-45.pdf",
                                     page: 1, expected: "45/KH-UBND", found: "46/KH-UBND")
    static let draft = Flag(reason: .draft, message: "Văn bản là dự thảo", file: "qd-12.pdf", page: 1)

    /// A recorded submission of two claims, each with one flag.
    static func recordChecked(_ store: Store) throws {
        let submission = Submission(submission: "trabong-huyen-2024", unit: trabong, framework: "thanhhoa-dti-district-2021",
                                    period: .init(from: "2024-01-01", to: "2024-12-31"),
                                    claims: [.init(indicator: "2.1.2", score: 3, evidence: [.init(file: "kh-45.pdf")]),
                                             .init(indicator: "2.3.1", score: 2, evidence: [.init(file: "qd-12.pdf")])])
        let digest = String(repeating: "a", count: 64)
        _ = try store.recordSubmission(submission, manifestSHA256: digest, files: [:])
        try store.recordResult(SubmissionResult(submission: submission.submission, unit: trabong, claims: [
            ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [numberMismatch]),
            ClaimResult(index: 1, indicator: "2.3.1", score: 2, flags: [draft]),
        ]))
    }
}

@Suite struct FlagCSVTests {
    static let created = Date(timeIntervalSince1970: 1_718_000_000)

    static func queued(_ flag: Flag, id: Int64 = 1, score: Double = 3) -> QueuedFlag {
        QueuedFlag(id: id, submission: "trabong-huyen-2024", revision: 1, unit: Sample.trabong, claimIndex: 0,
                   indicator: "2.1.2", score: score, flag: flag, createdAt: created)
    }

    @Test func startsWithBOMAndHeaderAndEndsLinesWithCRLF() {
        let csv = FlagCSV.render([])
        #expect(Array(FlagCSV.data([]).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv == "\u{FEFF}" + FlagCSV.header.joined(separator: ",") + "\r\n")
    }

    @Test func plainRow() {
        let csv = FlagCSV.render([Self.queued(Sample.numberMismatch)])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 3)
        #expect(lines[1] == "1,trabong-huyen-2024,H-TRABONG,ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG,0,2.1.2,3,number-mismatch,"
                + "Số văn bản không khớp,kh-45.pdf,1,,,45/KH-UBND,46/KH-UBND,2024-06-10T06:13:20Z,"
                // No decision: its eight cells empty.
                + ",,,,,,,,")
        #expect(lines[2] == "")
    }

    @Test func quotesCommasQuotesAndNewlines() {
        let flag = Flag(reason: .signerMismatch, message: "Người ký \"Lê Văn Bình\", không phải\nNguyễn Văn A",
                        file: "bien ban, 2024.pdf", page: 2, expected: "Lê Văn Bình", found: "Nguyễn Văn A\r\nPCT")
        let fields = FlagCSV.row(Self.queued(flag, score: 0.5))
        #expect(fields[6] == "0.5")
        #expect(fields[8] == "\"Người ký \"\"Lê Văn Bình\"\", không phải\nNguyễn Văn A\"")
        #expect(fields[9] == "\"bien ban, 2024.pdf\"")
        #expect(fields[14] == "\"Nguyễn Văn A\r\nPCT\"")
        #expect(Self.parse(FlagCSV.render([Self.queued(flag)]))[1][8] == flag.message)
    }

    @Test func vietnameseIsNFCAndSurvivesAsUTF8() throws {
        // 'Ủy' decomposed (U + combining hook + combining dot? no: U + hook above) as some OCR output gives it.
        let decomposed = "Ủy ban".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Ủy ban".unicodeScalars.count)
        let flag = Flag(reason: .wrongIssuer, message: decomposed)
        let data = FlagCSV.data([Self.queued(flag)])
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.unicodeScalars.contains { $0 == "\u{1EE6}" })  // precomposed 'Ủ'
        #expect(!text.unicodeScalars.contains { $0 == "\u{0309}" })  // no combining hook left
    }

    @Test func formulaLikeCellsAreDefused() {
        let flag = Flag(reason: .numberMismatch, message: "x", found: "=HYPERLINK(\"http://x\")")
        let fields = FlagCSV.row(Self.queued(flag))
        #expect(fields[14] == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(FlagCSV.text("-5") == "'-5")
        #expect(FlagCSV.text("45/KH-UBND") == "45/KH-UBND")
    }

    /// A quote with a combining mark after it is one `Character` but two scalars: a reader that
    /// reads bytes (every spreadsheet) sees the quote. Every row keeps the header's column count
    /// and the formula stays inside its defused cell.
    @Test func combiningMarksCannotSplitACell() {
        let hostile = ["x\"\u{301},=1+2*3,y", "\"\u{301}", ",\u{301}=SUM(A1)", "a\r\u{301}\n=1", "=\u{301}1+1", "👩‍💻\",=1"]
        let flags = hostile.enumerated().map { index, text in
            Self.queued(Flag(reason: .numberMismatch, message: text, file: text, page: 1, expected: text, found: text), id: Int64(index + 1))
        }
        let rows = Self.parse(FlagCSV.render(flags))
        #expect(rows.count == hostile.count + 1)
        for (index, row) in rows.enumerated() {
            #expect(row.count == FlagCSV.header.count, "row \(index)")
            guard index > 0 else { continue }
            let text = hostile[index - 1].precomposedStringWithCanonicalMapping
            #expect(row[8] == text || row[8] == "'" + text, "row \(index)")
            for cell in row { #expect(!cell.hasPrefix("="), "row \(index): \(cell)") }
        }
    }

    @Test func fieldAndBoxOfANeedsReview() {
        let flag = Flag(reason: .needsReview, message: "Số viết tay", file: "tt-24.pdf", page: 1,
                        field: .number, box: Box(x: 0.1, y: 0.12, width: 0.25, height: 0.03))
        let fields = FlagCSV.row(Self.queued(flag))
        #expect(FlagCSV.header[11] == "field" && FlagCSV.header[12] == "box")
        #expect(fields[11] == "number")
        #expect(fields[12] == "0.1000 0.1200 0.2500 0.0300")
    }

    @Test func exportOfTheStoresCurrentFlags() throws {
        let store = try Store.inMemory()
        try Sample.recordChecked(store)
        let rows = Self.parse(FlagCSV.render(try store.list()))
        #expect(rows.count == 3)
        #expect(rows[1][7] == "number-mismatch")
        #expect(rows[2][7] == "draft")
        #expect(rows[2][3] == "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")
    }

    /// A minimal RFC 4180 reader, to check that what we write reads back.
    static func parse(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(csv.unicodeScalars.drop { $0 == "\u{FEFF}" })
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 }
                    else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" {
                row.append(field); rows.append(row); row = []; field = ""; i += 1
            } else { field.unicodeScalars.append(c) }
            i += 1
        }
        chars.removeAll()
        return rows
    }
}

@Suite struct FlagCSVDecisionTests {
    @Test func exportCarriesTheCurrentDecisionOrTheWholeTrail() throws {
        let store = try Store.inMemory()
        try Sample.recordChecked(store)
        let flags = try store.list()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        try store.decide(flagId: flags[0].id, by: "appraiser1", action: .confirm, supportedScore: 1.5, at: t0)
        try store.decide(flagId: flags[0].id, by: "appraiser2", action: .dismiss, comment: "=Số đúng, OCR đọc sai, xem bản gốc",
                         at: t0.addingTimeInterval(90))
        let decisions = Dictionary(grouping: try store.allDecisions(), by: \.flagId)

        let current = FlagCSVTests.parse(FlagCSV.render(flags, decisions: decisions))
        #expect(current.count == 3 && current.allSatisfy { $0.count == FlagCSV.header.count })
        let index = Dictionary(uniqueKeysWithValues: FlagCSV.header.enumerated().map { ($1, $0) })
        let column = { (name: String) -> Int in index[name] ?? 0 }
        #expect(current[1][column("decision")] == "dismiss")
        #expect(current[1][column("decided_by")] == "appraiser2")
        #expect(current[1][column("decided_at")] == "2027-01-15T08:01:30Z")
        // A comment that looks like a formula is defused; commas survive quoting.
        #expect(current[1][column("decision_comment")] == "'=Số đúng, OCR đọc sai, xem bản gốc")
        #expect(current[1][column("decision_current")] == "yes")
        #expect(current[2][column("decision")] == "" && current[2][column("decision_current")] == "")

        let trail = FlagCSVTests.parse(FlagCSV.render(flags, decisions: decisions, trail: true))
        #expect(trail.count == 4)
        #expect(trail[1][column("decision")] == "confirm" && trail[1][column("supported_score")] == "1.5")
        #expect(trail[1][column("decision_current")] == "no")
        #expect(trail[2][column("decision")] == "dismiss" && trail[2][column("decision_current")] == "yes")
        #expect(trail[1][0] == trail[2][0])  // the same flag, one row per version
        #expect(trail[3][7] == "draft" && trail[3][column("decision")] == "")
    }
}
