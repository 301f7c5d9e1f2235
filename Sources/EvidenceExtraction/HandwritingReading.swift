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
            guard let blank = figures.blank.box, figures.blank.page >= 1, figures.blank.page <= document.perPage.count else { continue }
            let page = document.perPage[figures.blank.page - 1]
            // A quarter of the crop's height (half a line) past each end: a figure written over the
            // blank's end ('Số:15' with the 1 against the colon) is cut whole, then kept by its middle.
            let reach = min(blank.x, 1 - blank.maxX, blank.height / 4)
            let box = Box(x: blank.x - reach, y: blank.y, width: blank.width + 2 * reach, height: blank.height)
            guard page.source == .ocr,
                  let crop = try? UprightPageSource.image(fileAt: url, format: document.format, page: figures.blank.page,
                                                          rotation: page.rotation ?? 0, ocr: true, crop: box,
                                                          targetWidth: 1 << 14, maxDPI: dpi, maxMegapixels: maxMegapixels)
            else { continue }
            let margin = Int((Double(crop.width) * reach / box.width).rounded())
            let inside = margin..<max(margin + 1, crop.width - margin)
            fields.handwritten[field]?.readings = HandwritingReader.shared.readings(of: crop, inside: inside)
        }
    }
}

extension HandwritingReading {
    /// The readings of a crop saved as an image file (PNG, JPEG, TIFF): for measuring the readings on
    /// labelled crops (`evidenced read-figures`, scripts/handwriting_measure.py). Blocking.
    package static func readings(ofCropAt url: URL) throws(ExtractionFailure) -> [HandwrittenFigures.Reading] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ExtractionFailure(.unreadableFile, "\(url.lastPathComponent) cannot be read: \(error.localizedDescription)")
        }
        guard let format = FileSniffer.format(of: data), [.png, .jpeg, .tiff].contains(format) else { throw ExtractionFailure(.unsupportedFormat, "\(url.lastPathComponent) is not an image.") }
        let crop = try ImageDecoder.page(0, of: data, format: format, maxMegapixels: 10, luma: true)
        return HandwritingReader.shared.readings(of: crop)
    }
}
