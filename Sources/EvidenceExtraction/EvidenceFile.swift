import EvidenceModel
import Foundation

/// An evidence file read into memory with its digest and sniffed kind.
struct EvidenceFile {
    var data: Data
    var sha256: String
    var format: FileFormat

    static func read(_ url: URL, limits: ExtractionLimits) throws(ExtractionFailure) -> EvidenceFile {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExtractionFailure(.notFound, "No file at \(path).")
        }
        guard !isDirectory.boolValue else { throw ExtractionFailure(.unreadableFile, "\(path) is a directory, not a file.") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limits.maxFileBytes else {
            throw ExtractionFailure(.fileTooLarge, "The file is \(size >> 20) MiB, over the limit of \(limits.maxFileBytes >> 20) MiB.")
        }
        let data: Data
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw ExtractionFailure(.unreadableFile, "\(path) cannot be read: \(error.localizedDescription)")
        }
        guard !data.isEmpty else { throw ExtractionFailure(.emptyFile, "The file is empty (0 bytes).") }
        guard let format = FileSniffer.format(of: data) else {
            throw ExtractionFailure(.unsupportedFormat,
                "The file is not a PDF, PNG, JPEG, TIFF or UTF-8 text document.")
        }
        let digest = ContentDigest.sha256(data)
        return EvidenceFile(data: data, sha256: digest, format: format)
    }
}
