import EvidenceModel
import Foundation

/// Number and day drawn by signature fields. When a Vietnamese e-office issues a born-digital file,
/// the clerk's signing software writes the number and the day into the blanks after 'Số:' and
/// 'ngày' as the appearance of small signature fields. pdftotext shows them; poppler-glib's page
/// text leaves annotations out, so the text layer reads 'Số:' | '/TB-UBND'. Those few fields are
/// rendered (annotations included) and OCRed: typed figures, read for sure or not at all (the parser
/// checks the words' confidence).
extension PDFExtraction {
    /// A signature field in the header band no taller than a line of text: the blanks' fill-ins,
    /// not the visible signature stamps (taller, several lines).
    static let fillInBand = 0.3
    static let fillInTop = 0.08
    static let fillInMaxHeight = 0.05
    static let fillInDPI = 300

    /// The page with the words of its header's signature-field fill-ins added (each as its own line,
    /// right after the text-layer line on its row), or the page as it was.
    static func addingFillIns(to text: PageText, of page: PDFPage, context: ExtractionContext) -> PageText {
        let (width, height) = page.size
        guard width > 0, height > 0 else { return text }
        let areas = page.signatureFieldAreas().filter { area in
            let top = area.y1 / height, bottom = area.y2 / height
            // Below the visible signature stamps at the very top, above the body.
            return top >= fillInTop && bottom <= fillInBand && bottom - top <= fillInMaxHeight
        }
        guard !areas.isEmpty else { return text }
        var lines = text.lines
        let textBoxes = page.textWithBoxes().boxes
        for area in areas {
            guard let image = try? page.renderAnnotations(area: area, dpi: fillInDPI, maxMegapixels: context.options.limits.maxMegapixels, textBoxes: textBoxes),
                  let figures = image.croppedToInk(margin: 20),
                  let result = FillInReader.shared.read(figures.image) else { continue }
            // Crop fractions to area fractions to page fractions.
            func place(_ box: EvidenceModel.Box) -> EvidenceModel.Box {
                let areaWidth = area.x2 - area.x1, areaHeight = area.y2 - area.y1
                let crop = figures.frame
                let x = crop.x + box.x * crop.width, y = crop.y + box.y * crop.height
                return EvidenceModel.Box(x: (area.x1 + x * areaWidth) / width, y: (area.y1 + y * areaHeight) / height,
                           width: box.width * crop.width * areaWidth / width, height: box.height * crop.height * areaHeight / height)
            }
            for line in result.lines {
                // A rule's or stroke's sliver read as a glyph is far shorter than the figures.
                let tallest = line.words.map(\.box.height).max() ?? 0
                var words = line.words.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty && $0.box.height >= tallest * 0.4 }
                    .map { TextLine.Word(text: $0.text, box: place($0.box), confidence: $0.confidence) }
                if words.count == 1, let sure = surelyTypedFigures(words[0], in: figures.image) { words[0].confidence = sure }
                guard !words.isEmpty else { continue }
                let added = TextLine(text: words.map(\.text).joined(separator: " "), box: place(line.box), words: words)
                // After the last text-layer line on the same row, so the header reads in order.
                let row = lines.lastIndex { abs($0.box.midY - added.box.midY) < max($0.box.height, added.box.height) * 0.6 }
                lines.insert(added, at: row.map { $0 + 1 } ?? lines.count)
            }
        }
        guard lines.count != text.lines.count else { return text }
        var updated = text
        updated.lines = lines
        updated.text = TextLayoutBuilder.text(of: lines)
        return updated
    }
}

extension PDFExtraction {
    /// Typed figures are read for sure when every reading in one line agrees.
    static let fillInSureConfidence = 0.9

    /// A fill-in of figures alone that the engine read unsure (small type: '11' at 0.65): read again
    /// in one line, figures only, grey and black and white at three sizes (`HandwritingReader`).
    /// Typed figures read the same in all six, the median reading at 0.9 or more, are sure: that
    /// median is returned. Nil when they differ, or when the word is not figures alone (a symbol
    /// would be lost).
    static func surelyTypedFigures(_ word: TextLine.Word, in image: GrayImage) -> Double? {
        guard (word.confidence ?? 0) < fillInSureConfidence, !word.text.isEmpty,
              word.text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let lineModes = HandwritingReader.modes.filter { $0.name == "line" }
        let readings = HandwritingReader.shared.readings(of: image, modes: lineModes)
        guard readings.count == 2 * HandwritingReader.heights.count * lineModes.count,
              readings.allSatisfy({ $0.text == word.text }) else { return nil }
        let median = readings.map(\.confidence).sorted()[readings.count / 2]
        return median >= fillInSureConfidence ? median : nil
    }
}
