import Foundation
import Testing
import EvidenceModel
@testable import EvidenceParsing

/// Throughput on 3-page documents. Prints the figure; `PARSING_BENCH_SECONDS` lengthens the run
/// (measure under `swift test -c release`).
@Suite struct BenchmarkTests {
    /// Real seeds cut into pages of 50 lines, three pages each, beside generated documents padded to
    /// three pages.
    static func threePageDocuments() throws -> [[PageText]] {
        var documents = [[PageText]]()
        for seed in try FixtureCorpus.files() where seed.name.hasPrefix("seed-") {
            let lines = seed.pages.map(\.text).joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let pages = stride(from: 0, to: min(lines.count, 150), by: 50).enumerated().map { index, start in
                PageText(page: index + 1, source: .ocr, text: lines[start..<min(lines.count, start + 50)].joined(separator: "\n"))
            }
            documents.append(pages)
        }
        // A body page: prose, a citation now and then.
        let prose = ["- Các cơ quan, đơn vị triển khai thực hiện nhiệm vụ chuyển đổi số, bảo đảm tiến độ, chất lượng;",
                     "tổng hợp kết quả tự đánh giá, chấm điểm và gửi về Sở Thông tin và Truyền thông đúng thời hạn.",
                     "2. Trách nhiệm của các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện",
                     "theo Kế hoạch số 12/KH-UBND ngày 05/3/2024 của Ủy ban nhân dân huyện về chuyển đổi số;",
                     "", "- Phối hợp với các doanh nghiệp viễn thông trên địa bàn thực hiện hạ tầng số, nền tảng số."]
        let filler = (0..<45).map { prose[$0 % prose.count] }.joined(separator: "\n")
        for document in GeneratedCorpus.documents(count: 40) {
            var pages = document.pages
            while pages.count < 3 { pages.insert(PageText(page: 0, source: .text, text: filler), at: 1) }
            documents.append(pages.enumerated().map { index, page in var page = page; page.page = index + 1; return page })
        }
        return documents
    }

    /// The figure itself is `make bench`'s (a timed test proves nothing on a shared machine); this
    /// checks that what it times is the real work: three pages each, and documents the parser reads.
    @Test func benchmarkCorpusIsRealParsingWork() throws {
        let documents = try Self.threePageDocuments()
        #expect(documents.count >= 40)
        #expect(documents.allSatisfy { $0.count == 3 })
        let parser = DocumentParser()
        let typed = documents.filter { parser.parse($0).type != nil }.count
        #expect(Double(typed) >= 0.9 * Double(documents.count), "\(typed) of \(documents.count) documents typed")
        #expect(ParsingBenchmark.run(documents: [], seconds: 1) == 0)
        let seconds = Double(ProcessInfo.processInfo.environment["PARSING_BENCH_SECONDS"] ?? "") ?? 0
        if seconds > 0 {
            print(String(format: "Parsing throughput: %.0f documents/s (3 pages each, one core)",
                         ParsingBenchmark.run(documents: documents, seconds: seconds)))
        }
    }
}
