import EvidenceModel
import Foundation
import ZIPFoundation

/// An Office Open XML or OpenDocument file: a ZIP package of XML parts. Parts are read with a bound
/// on their unpacked size, counted while they inflate (the sizes a ZIP declares can lie: a bomb).
struct OfficePackage {
    private let archive: Archive
    /// Largest part unpacked, in bytes.
    let partLimit: Int

    init(url: URL, partLimit: Int = 64 << 20) throws(ExtractionFailure) {
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw ExtractionFailure(.corruptDocument, "The document's ZIP package cannot be opened: \(error.localizedDescription)")
        }
        self.partLimit = partLimit
    }

    /// What kind of document the package holds, nil when it is a ZIP of something else.
    var format: FileFormat? {
        if archive["word/document.xml"] != nil { return .docx }
        if archive["xl/workbook.xml"] != nil { return .xlsx }
        if let mimetype = try? part("mimetype").flatMap({ String(data: $0, encoding: .utf8) }) {
            switch mimetype.trimmingCharacters(in: .whitespacesAndNewlines) {
            case "application/vnd.oasis.opendocument.text": return .odt
            case "application/vnd.oasis.opendocument.spreadsheet": return .ods
            default: return nil
            }
        }
        return nil
    }

    /// The part's bytes, nil when the package has no such part.
    func part(_ path: String) throws(ExtractionFailure) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.type == .file else { return nil }
        var data = Data()
        let limit = partLimit
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limit { throw PartTooLarge() }
            }
        } catch is PartTooLarge {
            throw ExtractionFailure(.fileTooLarge, "The part \(path) of the document unpacks to more than \(limit >> 20) MiB.")
        } catch {
            throw ExtractionFailure(.corruptDocument, "The part \(path) of the document cannot be unpacked: \(error.localizedDescription)")
        }
        return data
    }

    /// Every part path, in the package's order.
    var paths: [String] { archive.map(\.path) }

    private struct PartTooLarge: Error {}
}
