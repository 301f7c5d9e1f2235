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
        // Before the text layers: poppler is not thread-safe, and the signatures need the document alone.
        let signed = PDFSignatures.read(document: document, url: url, caDirectory: context.options.trustedCADirectory)
        context.signatures = signed.signatures
        context.warnings.append(contentsOf: signed.warnings)
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
        for (index, var page) in recognized {
            // OCR turned the page's stored image; a viewer may show that image turned already.
            if let rotation = page.rotation, rotation != 0, renderer.usedStoredImage(index) {
                page.rotation = (rotation - renderer.shownTurn(of: index) + 360) % 360
            }
            pages[index] = pages[index] ?? page
        }
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
            storedImagePages.insert(index)
            return image
        }
        return try page.render(dpi: options.dpi, maxMegapixels: limit)
    }

    private var storedImagePages: Set<Int> = []

    /// Whether page `index` was read from its stored image rather than rendered.
    func usedStoredImage(_ index: Int) -> Bool { lock.withLock { storedImagePages.contains(index) } }

    /// How a viewer shows page `index`'s stored image: 0, or 180 when the page's /Rotate turns it
    /// upside down (a quarter turn is never read from the stored image). poppler-glib does not
    /// give /Rotate, so a thumbnail render is compared with the image both ways; only pages that
    /// OCR had to turn pay for it.
    func shownTurn(of index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        guard let page = try? document.page(at: index) else { return 0 }
        let coverage = page.imageCoverage()
        let limit = options.limits.maxMegapixels
        guard let id = coverage.fullPageImageID, let area = coverage.imageArea,
              let stored = try? page.embeddedImage(id: id, area: area, maxMegapixels: limit),
              let shown = try? page.render(dpi: ThumbnailMatch.dpi, maxMegapixels: limit) else { return 0 }
        return ThumbnailMatch.isUpsideDown(shown, of: stored.reduced(toDPI: ThumbnailMatch.dpi)) ? 180 : 0
    }
}

/// Compares a page's thumbnail with its stored image, sampled on a grid of page fractions.
enum ThumbnailMatch {
    static let dpi = 24
    static let grid = 32

    static func isUpsideDown(_ shown: GrayImage, of stored: GrayImage) -> Bool {
        guard shown.width > 0, shown.height > 0, stored.width > 0, stored.height > 0 else { return false }
        func sample(_ image: GrayImage, _ u: Double, _ v: Double) -> Int {
            let x = min(image.width - 1, Int(u * Double(image.width))), y = min(image.height - 1, Int(v * Double(image.height)))
            return Int(image.pixels[y * image.width + x])
        }
        var same = 0, turned = 0
        for i in 0..<grid {
            for j in 0..<grid {
                let u = (Double(i) + 0.5) / Double(grid), v = (Double(j) + 0.5) / Double(grid)
                let seen = sample(shown, u, v)
                same += abs(seen - sample(stored, u, v))
                turned += abs(seen - sample(stored, 1 - u, 1 - v))
            }
        }
        return turned < same
    }
}
