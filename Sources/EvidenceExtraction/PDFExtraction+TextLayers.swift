import EvidenceModel
import Foundation

/// The first pass over a PDF: every page's text layer read and assessed, on one thread per worker
/// for a long PDF, before any page is OCRed.
extension PDFExtraction {
    /// One page's text layer as assessed: its text, or nil when the page must be OCRed.
    struct TextLayer {
        var page: PageText?
        var signature: DigitalSignature?
        var warning: String?
    }

    /// Pages at or above which the text layers are read on several threads.
    static let parallelPages = 8

    /// Every page's text layer, in page order. A long PDF is cut into one run of pages per worker,
    /// each with its own poppler document (one document is not thread-safe).
    static func textLayers(of url: URL, first document: PDFDocument, count: Int, workers: Int) throws(ExtractionFailure) -> [TextLayer] {
        let runs = count >= parallelPages ? min(max(1, workers), count) : 1
        guard runs > 1 else { return try (0..<count).map { index throws(ExtractionFailure) in try textLayer(of: document, at: index) } }
        let chunk = (count + runs - 1) / runs
        // Only the first run touches the caller's document, and the caller waits for all runs.
        nonisolated(unsafe) let document = document
        let results = PageScheduler.run(pages: Array(0..<runs), workers: runs) { run -> Result<[TextLayer], ExtractionFailure> in
            Result { () throws(ExtractionFailure) -> [TextLayer] in
                let pages = (run * chunk)..<min(count, (run + 1) * chunk)
                let own = run == 0 ? document : try PDFDocument(fileAt: url)
                return try pages.map { index throws(ExtractionFailure) in try textLayer(of: own, at: index) }
            }
        }
        var layers: [TextLayer] = []
        for run in 0..<runs { layers += try results[run]?.get() ?? [] }
        return layers
    }

    static func textLayer(of document: PDFDocument, at index: Int) throws(ExtractionFailure) -> TextLayer {
        let page = try document.page(at: index)
        let (text, boxes) = page.textWithBoxes()
        let assessment = TextLayerAssessment(text: text) { page.imageCoverage().fraction }
        var layer = TextLayer(signature: assessment.signature)
        switch assessment.verdict {
        case .useText(let legacy):
            if let legacy {
                layer.warning = "page \(index + 1): text layer in the legacy \(legacy.rawValue.uppercased()) encoding, converted to Unicode"
            }
            let kept = lines(of: page, text: text, boxes: boxes, legacy: legacy)
            // The layout's text keeps the header's columns apart; without a layout, the raw layer.
            let text = kept.isEmpty ? assessment.text : TextLayoutBuilder.text(of: kept)
            layer.page = PageText(page: index + 1, source: .text, text: text, lines: kept)
        case .ocr:
            break
        }
        return layer
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
