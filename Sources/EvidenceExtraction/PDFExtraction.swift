import EvidenceModel
import Foundation

/// A PDF, page by page: the text layer where it holds the page's text, OCR elsewhere.
enum PDFExtraction {
    static func pages(of url: URL, context: inout ExtractionContext) throws(ExtractionFailure) -> [PageText] {
        let document = try PDFDocument(fileAt: url)
        let count = document.pageCount
        guard count > 0 else { throw ExtractionFailure(.corruptPDF, "The PDF has no pages.") }
        guard count <= context.options.limits.maxPages else {
            throw ExtractionFailure(.tooManyPages, "The PDF has \(count) pages, over the limit of \(context.options.limits.maxPages).")
        }
        let layers = try textLayers(of: url, first: document, count: count, workers: context.options.workers)
        var pages: [Int: PageText] = [:]
        var toOCR: [Int] = []
        for (index, layer) in layers.enumerated() {
            if context.signature == nil { context.signature = layer.signature }
            if let warning = layer.warning { context.warnings.append(warning) }
            if let page = layer.page { pages[index] = page } else { toOCR.append(index) }
        }
        // The number and day a born-digital file's signing software drew into page 1's blanks.
        if let first = pages[0], let page = try? document.page(at: 0) {
            pages[0] = addingFillIns(to: first, of: page, context: context)
        }
        context.progress?(count - toOCR.count, count)
        let renderer = PageRenderer(document: document, options: context.options)
        let recognized = try OCRStep.recognize(pages: toOCR, total: count, context: &context) { index throws(ExtractionFailure) in
            try renderer.image(of: index)
        }
        pages.merge(recognized) { text, _ in text }
        return (0..<count).compactMap { pages[$0] }
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
