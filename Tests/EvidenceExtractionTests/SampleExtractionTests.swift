import Foundation
import Testing
import EvidenceModel
@testable import EvidenceExtraction

/// The real poppler and tesseract over every committed sample.
@Suite(.serialized) struct SampleExtractionTests {
    static let extractor = Extractor(options: ExtractionOptions(workers: 2))

    @Test(arguments: SampleExpectation.all())
    func sampleExtractsAsExpected(_ expected: SampleExpectation) throws {
        let document = try Self.extractor.extractSynchronously(fileAt: expected.url)
        #expect(document.format == expected.format)
        #expect(document.pages == expected.pages)
        #expect(document.digitalSignature == expected.digitalSignature)
        for page in expected.perPage {
            let got = try #require(document.perPage.first { $0.page == page.page })
            let accepted = [page.source] + (page.alsoAccept ?? [])
            #expect(accepted.contains(got.source), "page \(page.page)")
            guard !page.text.isEmpty else { continue }
            switch got.source {
            case .text:
                // Legacy files spell 'hoà' where the ground truth spells 'hòa': compare those folded.
                let legacy = expected.file.hasPrefix("legacy")
                let text = legacy ? got.text.folded : collapse(got.text)
                for phrase in page.phrases {
                    #expect(text.contains(legacy ? phrase.folded : collapse(phrase)), "page \(page.page) lacks '\(phrase)'")
                }
                #expect(got.confidence == nil)
            case .ocr:
                let agreement = WordAgreement(found: got.text, expected: page.text)
                // A signature page holds a few words and a scribble OCR reads as noise.
                let short = WordAgreement.words(page.text).count < 40
                let bound = short ? 0.75 : 0.9
                print("OCR \(expected.file) page \(page.page): word recall \(agreement.recall), precision \(agreement.precision), confidence \(got.confidence ?? -1)")
                #expect(agreement.recall >= bound, "page \(page.page) word recall \(agreement.recall)")
                #expect(agreement.precision >= (short ? 0.5 : 0.85), "page \(page.page) word precision \(agreement.precision)")
                #expect((got.confidence ?? 0) > 0.5)
                #expect(!got.lines.isEmpty, "OCR keeps line boxes")
            }
        }
    }

    @Test func tcvn3HeadingFontsComeOutInCapitals() throws {
        let url = SampleExpectation.samples.appendingPathComponent("legacy-tcvn3-qd-1385.pdf")
        let page = try #require(try Self.extractor.extractSynchronously(fileAt: url).perPage.first)
        #expect(page.text.contains("UỶ BAN NHÂN DÂN"))
        #expect(page.text.contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(page.lines.contains { $0.text.hasPrefix("Số: 1385/QĐ-UBND") })
    }

    @Test func bornDigitalPagesKeepLineBoxesAndColumns() throws {
        let url = SampleExpectation.samples.appendingPathComponent("born-digital-kh-178.pdf")
        let page = try #require(try Self.extractor.extractSynchronously(fileAt: url).perPage.first)
        let number = try #require(page.lines.first { $0.text.contains("/KH-UBND") })
        // The number (left column) and the place and date (right column) are one line apart by a column gap.
        #expect(number.text.contains(TextLayoutBuilder.columnGap))
        let left = try #require(number.words.first { $0.text.contains("/KH-UBND") })
        let right = try #require(number.words.first { $0.text == "ngày" })
        #expect(left.box.maxX < 0.5 && right.box.x > 0.45)
        #expect(page.lines.allSatisfy { (0...1).contains($0.box.x) && (0...1).contains($0.box.maxY) })
    }

    private func collapse(_ text: String) -> String {
        text.nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
