import EvidenceModel
import Foundation

/// A PDF, page by page: the text layer where it holds the page's text, OCR elsewhere.
enum PDFExtraction {
    static func pages(of document: PDFDocument, context: inout ExtractionContext) throws(ExtractionFailure) -> [PageText] {
        let count = document.pageCount
        guard count > 0 else { throw ExtractionFailure(.corruptPDF, "The PDF has no pages.") }
        guard count <= context.options.limits.maxPages else {
            throw ExtractionFailure(.tooManyPages, "The PDF has \(count) pages, over the limit of \(context.options.limits.maxPages).")
        }
        var pages: [Int: PageText] = [:]
        var toOCR: [Int] = []
        for index in 0..<count {
            let page = try document.page(at: index)
            let (text, boxes) = page.textWithBoxes()
            let assessment = TextLayerAssessment(text: text) { page.imageCoverage().fraction }
            if context.signature == nil { context.signature = assessment.signature }
            switch assessment.verdict {
            case .useText(let legacy):
                if let legacy {
                    context.warnings.append("page \(index + 1): text layer in the legacy \(legacy.rawValue.uppercased()) encoding, converted to Unicode")
                }
                let kept = lines(of: page, text: text, boxes: boxes, legacy: legacy)
                // The layout's text keeps the header's columns apart; without a layout, the raw layer.
                let text = kept.isEmpty ? assessment.text : TextLayoutBuilder.text(of: kept)
                pages[index] = PageText(page: index + 1, source: .text, text: text, lines: kept)
            case .ocr:
                toOCR.append(index)
            }
        }
        context.progress?(count - toOCR.count, count)
        let renderer = PageRenderer(document: document, options: context.options)
        let recognized = try OCRStep.recognize(pages: toOCR, total: count, context: &context) { index throws(ExtractionFailure) in
            try renderer.image(of: index)
        }
        pages.merge(recognized) { text, _ in text }
        return (0..<count).compactMap { pages[$0] }
    }

    /// Lines with boxes, converted from a legacy encoding where needed. TCVN3 maps one character to
    /// one, so it is converted before the layout, with the heading fonts' capitals restored.
    private static func lines(of page: PDFPage, text: String, boxes: [CharacterBox], legacy: LegacyEncoding?) -> [TextLine] {
        let size = page.size
        switch legacy {
        case .tcvn3:
            let capitals = page.fontRuns().filter { LegacyEncoding.isTCVN3CapitalFont($0.font) }.map(\.range)
            let converted = LegacyEncoding.tcvn3Characters(text, capitals: capitals)
            return TextLayoutBuilder.lines(text: converted, boxes: boxes, pageWidth: size.width, pageHeight: size.height)
        case .vni:
            return TextLayoutBuilder.lines(text: text, boxes: boxes, pageWidth: size.width, pageHeight: size.height).map {
                TextLine(text: LegacyEncoding.vni.decode($0.text), box: $0.box,
                         words: $0.words.map { .init(text: LegacyEncoding.vni.decode($0.text), box: $0.box) })
            }
        case nil:
            return TextLayoutBuilder.lines(text: text, boxes: boxes, pageWidth: size.width, pageHeight: size.height)
        }
    }
}

/// Gives worker threads page images of one PDF; poppler is not thread-safe, so one at a time.
final class PageRenderer: @unchecked Sendable {
    private let document: PDFDocument
    private let options: ExtractionOptions
    private let lock = NSLock()

    init(document: PDFDocument, options: ExtractionOptions) { self.document = document; self.options = options }

    func image(of index: Int) throws(ExtractionFailure) -> GrayImage {
        lock.lock()
        defer { lock.unlock() }
        let page = try document.page(at: index)
        let limit = options.limits.maxMegapixels
        // A scan is usually one embedded JPEG at 300 dpi: decoding it beats rendering the page.
        let coverage = page.imageCoverage()
        if let id = coverage.fullPageImageID, let area = coverage.imageArea,
           let image = try page.embeddedImage(id: id, area: area, maxMegapixels: limit) {
            return image
        }
        return try page.render(dpi: options.dpi, maxMegapixels: limit)
    }
}
