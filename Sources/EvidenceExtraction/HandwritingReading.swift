package import EvidenceModel
package import Foundation

/// The second look at hand-filled figures: the parser leaves the blank of each figure it abstained
/// on as hand-written (`DocumentFields.handwritten`), and this reads each blank's crop from the
/// original under several conditions (`HandwritingReader`). Only those blanks are read, so a
/// document whose figures are typed costs nothing more (`make bench`'s OCR throughput).
package enum HandwritingReading {
    /// Scans are read at 300 dpi; the crop is cut at the same resolution.
    static let dpi = 300.0

    /// The fields with their blanks' readings, those of every document of the file included.
    /// Blocking (tesseract): call it off the Swift concurrency pool. A blank that cannot be cut
    /// (the file gone, a page that does not render) keeps no readings: the field stays abstained.
    package static func reading(_ fields: DocumentFields, of document: ExtractedDocument, fileAt url: URL,
                                maxMegapixels: Double) -> DocumentFields {
        var fields = fields
        read(&fields, document: document, url: url, maxMegapixels: maxMegapixels)
        for index in fields.documents.indices {
            read(&fields.documents[index].fields, document: document, url: url, maxMegapixels: maxMegapixels)
        }
        return fields
    }

    private static func read(_ fields: inout DocumentFields, document: ExtractedDocument, url: URL, maxMegapixels: Double) {
        for (field, figures) in fields.handwritten where figures.readings.isEmpty {
            guard let blank = figures.blank.box,
                  let (crop, inside) = cut(blank, page: figures.blank.page, document: document, url: url, maxMegapixels: maxMegapixels)
            else { continue }
            let ink = FigureInk(crop, inside: inside)
            fields.handwritten[field]?.readings = ink.map { HandwritingReader.shared.readings(of: $0, in: crop) } ?? []
            fields.handwritten[field]?.shapes = ink?.shapes ?? []
            fields.handwritten[field]?.guesses = ink?.guesses
            // The typed month and year the page's OCR read unsure: typed figures, read in one line
            // like the typed fill-ins (`PDFExtraction.surelyTypedFigures`).
            for (index, printed) in (figures.printed ?? []).enumerated() where printed.readings.isEmpty {
                guard let word = printed.place.box else { continue }
                // Half a line above and below, so the figures stand clear of the crop's edges.
                let box = Box(x: word.x, y: word.y - word.height / 2, width: word.width, height: word.height * 2)
                guard let (crop, inside) = cut(box, page: printed.place.page, document: document, url: url, maxMegapixels: maxMegapixels)
                else { continue }
                let lineModes = HandwritingReader.modes.filter { $0.name == "line" }
                fields.handwritten[field]?.printed?[index].readings = HandwritingReader.shared.readings(of: crop, inside: inside, modes: lineModes)
            }
        }
    }

    /// A box of an OCR page cut from the original at `dpi`, reaching a quarter of its height (half a
    /// line for a blank) past each end: a figure written over the box's end ('Số:15' with the 1
    /// against the colon) is cut whole, then kept by its middle (`inside`: the box's own columns).
    private static func cut(_ box: Box, page number: Int, document: ExtractedDocument, url: URL,
                            maxMegapixels: Double) -> (GrayImage, Range<Int>)? {
        guard number >= 1, number <= document.perPage.count else { return nil }
        let page = document.perPage[number - 1]
        let reach = min(box.x, 1 - box.maxX, box.height / 4)
        let wider = Box(x: box.x - reach, y: max(0, box.y), width: box.width + 2 * reach, height: min(box.maxY, 1) - max(0, box.y))
        guard page.source == .ocr,
              let crop = try? UprightPageSource.image(fileAt: url, format: document.format, page: number,
                                                      rotation: page.rotation ?? 0, ocr: true, crop: wider,
                                                      targetWidth: 1 << 14, maxDPI: dpi, maxMegapixels: maxMegapixels)
        else { return nil }
        let margin = Int((Double(crop.width) * reach / wider.width).rounded())
        return (crop, margin..<max(margin + 1, crop.width - margin))
    }
}

extension HandwritingReading {
    /// The readings of a crop saved as an image file (PNG, JPEG, TIFF): for measuring the readings on
    /// labelled crops (`evidenced read-figures`, scripts/handwriting_measure.py). Blocking.
    package static func readings(ofCropAt url: URL, insideMargin: Int? = nil) throws(ExtractionFailure)
        -> (readings: [HandwrittenFigures.Reading], shapes: [FigureShape], guesses: [FigureGuess]?) {
        let crop = try cropImage(at: url)
        guard let ink = FigureInk(crop, inside: inside(crop, margin: insideMargin)) else { return ([], [], nil) }
        return (HandwritingReader.shared.readings(of: ink, in: crop), ink.shapes, ink.guesses)
    }

    /// Each figure's outline and classifier features in a crop saved as an image file (for training
    /// and measuring `FigureClassifier`: scripts/figure_classifier.py).
    package static func figureFeatures(ofCropAt url: URL, insideMargin: Int? = nil) throws(ExtractionFailure)
        -> (shapes: [FigureShape], features: [[Float]]) {
        let crop = try cropImage(at: url)
        guard let ink = FigureInk(crop, inside: inside(crop, margin: insideMargin)) else { return ([], []) }
        return (ink.shapes, ink.figureFeatures)
    }

    private static func inside(_ crop: GrayImage, margin: Int?) -> Range<Int>? {
        margin.map { $0..<max($0 + 1, crop.width - $0) }
    }

    private static func cropImage(at url: URL) throws(ExtractionFailure) -> GrayImage {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ExtractionFailure(.unreadableFile, "\(url.lastPathComponent) cannot be read: \(error.localizedDescription)")
        }
        guard let format = FileSniffer.format(of: data), [.png, .jpeg, .tiff].contains(format) else { throw ExtractionFailure(.unsupportedFormat, "\(url.lastPathComponent) is not an image.") }
        return try ImageDecoder.page(0, of: data, format: format, maxMegapixels: 10, luma: true)
    }
}
