import CPoppler
import EvidenceModel
import Foundation

extension PDFPage {
    /// Where the page's signature fields are, in points from the top left.
    func signatureFieldAreas() -> [CharacterBox] {
        guard let list = poppler_page_get_form_field_mapping(handle) else { return [] }
        defer { poppler_page_free_form_field_mapping(list) }
        let (_, height) = size
        var areas: [CharacterBox] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee
                if let field = mapping.field, poppler_form_field_get_field_type(field) == POPPLER_FORM_FIELD_SIGNATURE {
                    // Mappings are in PDF space (origin bottom left).
                    let area = mapping.area
                    areas.append(CharacterBox(x1: min(area.x1, area.x2), y1: height - max(area.y1, area.y2),
                                              x2: max(area.x1, area.x2), y2: height - min(area.y1, area.y2)))
                }
            }
            node = current.pointee.next
        }
        return areas
    }

    /// What the annotations draw over one area of the page, on white, in grey: the area rendered, then
    /// the text layer's own characters painted out (the page's text under a field would otherwise be
    /// read with the fill-in; form fields are always rendered, so they cannot be left out instead).
    func renderAnnotations(area: CharacterBox, dpi: Int, maxMegapixels: Double, textBoxes: [CharacterBox]) throws(ExtractionFailure) -> GrayImage {
        try render(x: area.x1, y: area.y1, width: area.x2 - area.x1, height: area.y2 - area.y1, dpi: dpi,
                   maxMegapixels: maxMegapixels, what: "area") { cairo in
            cairo_set_source_rgb(cairo, 1, 1, 1)
            for box in textBoxes where box.x2 > area.x1 && box.x1 < area.x2 && box.y2 > area.y1 && box.y1 < area.y2 {
                cairo_rectangle(cairo, box.x1 - 0.5, box.y1 - 0.5, box.x2 - box.x1 + 1, box.y2 - box.y1 + 1)
            }
            cairo_fill(cairo)
        }
    }
}
