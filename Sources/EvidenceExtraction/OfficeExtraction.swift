import EvidenceModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Text out of Office documents: Word and OpenDocument text in reading order (tables cell by cell,
/// explicit page breaks kept), spreadsheets as tab-separated rows, a sheet a page; legacy `.doc`
/// through antiword. The parser then reads their fields as from any text layer.
enum OfficeExtraction {
    static func pages(of url: URL, format: FileFormat) throws(ExtractionFailure) -> [PageText] {
        let texts: [String]
        switch format {
        case .docx: texts = try MarkupText.word.pages(of: try required(OfficePackage(url: url), "word/document.xml"))
        case .odt: texts = try MarkupText.openDocumentText.pages(of: try required(OfficePackage(url: url), "content.xml"))
        case .ods: texts = try MarkupText.openDocumentSheet.pages(of: try required(OfficePackage(url: url), "content.xml"))
        case .xlsx: texts = try workbook(OfficePackage(url: url))
        case .doc: texts = try LegacyWord.pages(of: url)
        case .pdf, .png, .jpeg, .tiff, .heic, .text:
            throw ExtractionFailure(.unsupportedFormat, "Not an Office document.")
        }
        return texts.enumerated().map { PageText(page: $0.offset + 1, source: .text, text: $0.element) }
    }

    private static func required(_ package: OfficePackage, _ path: String) throws(ExtractionFailure) -> Data {
        guard let data = try package.part(path) else {
            throw ExtractionFailure(.corruptDocument, "The document has no \(path): the package is incomplete.")
        }
        return data
    }

    /// Every worksheet, in the package's order, with shared strings resolved.
    static func workbook(_ package: OfficePackage) throws(ExtractionFailure) -> [String] {
        let shared = try package.part("xl/sharedStrings.xml").map(SharedStrings.list) ?? []
        let sheets = package.paths.filter { $0.hasPrefix("xl/worksheets/sheet") && $0.hasSuffix(".xml") }
            .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        var pages: [String] = []
        for path in sheets {
            guard let data = try package.part(path) else { continue }
            pages.append(try SheetRows.text(of: data, shared: shared))
        }
        return pages.isEmpty ? [""] : pages
    }
}

/// SpreadsheetML's shared strings, by index (a string may hold line breaks: one item is one string).
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false

    static func list(_ data: Data) throws(ExtractionFailure) -> [String] {
        let collector = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { throw ExtractionFailure(.corruptDocument, "The workbook's shared strings cannot be read.") }
        return collector.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current.replacingOccurrences(of: "\n", with: " ").nfc) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// One SpreadsheetML worksheet as tab-separated rows: shared strings by index, inline strings and
/// numbers as written.
private final class SheetRows: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [String] = []
    var cells: [String] = []
    var cellType: String?
    var value = ""
    var inValue = false

    init(shared: [String]) { self.shared = shared }

    static func text(of data: Data, shared: [String]) throws(ExtractionFailure) -> String {
        let rows = SheetRows(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = rows
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { throw ExtractionFailure(.corruptDocument, "A worksheet's XML cannot be read.") }
        return rows.rows.joined(separator: "\n")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "c": cellType = attributes["t"]; value = ""
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            if cellType == "s", let index = Int(value), shared.indices.contains(index) { cells.append(shared[index]) }
            else { cells.append(value) }
        case "row":
            let row = cells.joined(separator: "\t").trimmingCharacters(in: .whitespaces)
            if !row.isEmpty { rows.append(row.nfc) }
            cells = []
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }
}
