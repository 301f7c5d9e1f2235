import CPoppler
import EvidenceModel
import Foundation

/// A PDF opened with poppler-glib. Not thread-safe: callers serialise access to one document.
final class PDFDocument {
    let handle: OpaquePointer

    /// Opens a PDF from disk: poppler reads what each page needs, never the whole file at once.
    /// Encrypted and unreadable files become typed failures.
    init(fileAt url: URL) throws(ExtractionFailure) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ExtractionFailure(.unreadableFile, "\(url.path) cannot be read: \(String(cString: strerror(errno))).")
        }
        var error: UnsafeMutablePointer<GError>?
        // poppler owns the descriptor from here, and closes it on failure too.
        guard let document = poppler_document_new_from_fd(descriptor, nil, &error) else {
            defer { if error != nil { g_error_free(error) } }
            let code = error.map { Int($0.pointee.code) } ?? -1
            let detail = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            if error?.pointee.domain == poppler_error_quark(), code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw ExtractionFailure(.encryptedPDF, "The PDF is password-protected; upload it without a password.")
            }
            throw ExtractionFailure(.corruptPDF, "The PDF cannot be opened: \(detail).")
        }
        handle = document
    }

    /// Opens a PDF mapped into memory: for reading it whole (hashing signed byte ranges), where
    /// poppler's reads from a descriptor cost one system call per few kilobytes. Nil when it cannot.
    init?(mappedFileAt url: URL) {
        var error: UnsafeMutablePointer<GError>?
        guard let mapped = g_mapped_file_new(url.path, 0, &error) else {
            if error != nil { g_error_free(error) }
            return nil
        }
        defer { g_mapped_file_unref(mapped) }
        guard let bytes = g_mapped_file_get_bytes(mapped) else { return nil }
        // The document keeps its own reference to the bytes, and they to the mapping.
        defer { g_bytes_unref(bytes) }
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            if error != nil { g_error_free(error) }
            return nil
        }
        handle = document
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Whether the document has signature fields (cheap: the AcroForm only).
    var hasSignatures: Bool { poppler_document_get_n_signatures(handle) > 0 }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    func page(at index: Int) throws(ExtractionFailure) -> PDFPage {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(handle, Int32(index)) else {
            throw ExtractionFailure(.corruptPDF, "Page \(index + 1) of the PDF cannot be read.")
        }
        return PDFPage(handle: page)
    }
}
