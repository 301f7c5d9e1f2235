import EvidenceModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of an Office document's XML in reading order, by element names: paragraphs end lines,
/// table cells are read one after the other (a Decree 30 header is a two-cell table: the issuer,
/// then the national motto), explicit page breaks start a new page.
struct MarkupText: Sendable {
    /// Elements whose end ends a line: paragraphs, headings.
    var lineElements: Set<String>
    /// Elements whose characters are text.
    var textElements: Set<String>
    /// Empty elements that stand for a tab, a line break, one space.
    var tabElements: Set<String> = []
    var breakElements: Set<String> = []
    var spaceElements: Set<String> = []
    /// Elements whose end ends a cell or a row of a spreadsheet.
    var cellElements: Set<String> = []
    var rowElements: Set<String> = []
    /// Decides, from an element and its attributes, that a new page starts there.
    var pageBreak: @Sendable (String, [String: String]) -> Bool = { _, _ in false }

    /// The pages of the XML's text (at least one); throws when the XML is malformed.
    func pages(of data: Data) throws(ExtractionFailure) -> [String] {
        let collector = Collector(markup: self)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        // No external entities or DTDs: the XML comes from an uploaded file.
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw ExtractionFailure(.corruptDocument, "The document's XML cannot be read: \(parser.parserError?.localizedDescription ?? "malformed").")
        }
        return collector.finish()
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let markup: MarkupText
        var pages: [String] = []
        var page = ""
        var line = ""
        var inText = 0

        init(markup: MarkupText) { self.markup = markup }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if markup.pageBreak(name, attributes) { endLine(); endPage() }
            if markup.textElements.contains(name) { inText += 1 }
            if markup.tabElements.contains(name) { line += "\t" }
            if markup.breakElements.contains(name), !markup.pageBreak(name, attributes) { endLine() }
            if markup.spaceElements.contains(name) {
                line += String(repeating: " ", count: max(1, Int(attributes["text:c"] ?? "") ?? 1))
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if markup.textElements.contains(name) { inText -= 1 }
            if markup.lineElements.contains(name) || markup.rowElements.contains(name) { endLine() }
            if markup.cellElements.contains(name), !line.isEmpty { line += "\t" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText > 0 { line += string }
        }

        func endLine() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            line = ""
            page += trimmed.nfc + "\n"
        }

        func endPage() {
            if !page.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { pages.append(page) }
            page = ""
        }

        func finish() -> [String] {
            if !line.isEmpty { endLine() }
            endPage()
            return pages.isEmpty ? [""] : pages
        }
    }
}

extension MarkupText {
    /// WordprocessingML (`word/document.xml`).
    static let word = MarkupText(
        lineElements: ["w:p"], textElements: ["w:t"], tabElements: ["w:tab"], breakElements: ["w:br", "w:cr"],
        pageBreak: { name, attributes in
            (name == "w:br" && attributes["w:type"] == "page") || name == "w:pageBreakBefore"
        })

    /// OpenDocument text (`content.xml`); its characters sit directly in paragraphs and spans.
    static let openDocumentText = MarkupText(
        lineElements: ["text:p", "text:h"], textElements: ["text:p", "text:h"], tabElements: ["text:tab"],
        breakElements: ["text:line-break"], spaceElements: ["text:s"])

    /// OpenDocument spreadsheet (`content.xml`): a row a line, cells apart by tabs, a sheet a page.
    static let openDocumentSheet = MarkupText(
        lineElements: [], textElements: ["text:p"], cellElements: ["table:table-cell"], rowElements: ["table:table-row"],
        pageBreak: { name, _ in name == "table:table" })
}
