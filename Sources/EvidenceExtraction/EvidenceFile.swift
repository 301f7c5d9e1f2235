import EvidenceModel
import Foundation

/// An evidence file on disk with its digest and sniffed kind. Only the first bytes are read to
/// sniff it and the digest is streamed: a PDF is then read by poppler from disk, so a long scan is
/// never held in memory whole (it once was, twice: 144 MB of a 340 MB peak).
struct EvidenceFile {
    let url: URL
    let sha256: String
    let format: FileFormat

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
        let head: Data
        let digest: String
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 64 * 1024) ?? Data()
            digest = try ContentDigest.sha256(fileAt: url)
        } catch {
            throw ExtractionFailure(.unreadableFile, "\(path) cannot be read: \(error.localizedDescription)")
        }
        guard !head.isEmpty else { throw ExtractionFailure(.emptyFile, "The file is empty (0 bytes).") }
        if FileSniffer.isZIP(head) {
            guard let format = try OfficePackage(url: url).format else {
                throw ExtractionFailure(.unsupportedFormat,
                    "The file is a ZIP archive, not a document: upload a .zip as a whole submission, or its documents one by one.")
            }
            return EvidenceFile(url: url, sha256: digest, format: format)
        }
        guard let format = FileSniffer.format(of: head) else {
            throw ExtractionFailure(.unsupportedFormat,
                "The file is not a PDF, image (PNG, JPEG, TIFF, HEIC), Office document (DOCX, DOC, ODT, XLSX, ODS) or UTF-8 text.")
        }
        return EvidenceFile(url: url, sha256: digest, format: format)
    }

    /// The whole file, for the formats decoded from memory (images and text).
    func contents() throws(ExtractionFailure) -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw ExtractionFailure(.unreadableFile, "\(url.path) cannot be read: \(error.localizedDescription)")
        }
    }
}
