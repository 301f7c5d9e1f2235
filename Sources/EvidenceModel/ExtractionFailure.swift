/// Why a file could not be extracted: a stable code for machines and a sentence for people.
package struct ExtractionFailure: Error, Codable, Hashable, Sendable {
    package var code: Code
    package var message: String

    package init(_ code: Code, _ message: String) { self.code = code; self.message = message }

    package enum Code: String, Codable, Sendable {
        case notFound = "not-found"
        case unreadableFile = "unreadable-file"
        case emptyFile = "empty-file"
        case unsupportedFormat = "unsupported-format"
        case corruptPDF = "corrupt-pdf"
        case encryptedPDF = "encrypted-pdf"
        case tooManyPages = "too-many-pages"
        case imageTooLarge = "image-too-large"
        case corruptImage = "corrupt-image"
        case invalidText = "invalid-text"
        case timeout = "timeout"
        case ocrFailed = "ocr-failed"
        case workerCrashed = "worker-crashed"
        case fileTooLarge = "file-too-large"
        case tooMuchMemory = "too-much-memory"
        /// An Office document whose package or stream cannot be read.
        case corruptDocument = "corrupt-document"
        /// An Office document protected by a password.
        case encryptedDocument = "encrypted-document"
        /// A `.zip` given as evidence that cannot be unpacked safely (traversal, links, a bomb, too
        /// many entries, damaged, empty), or an archive inside one (nesting depth 1).
        case refusedArchive = "refused-archive"
    }
}

extension ExtractionFailure: CustomStringConvertible {
    package var description: String { "\(code.rawValue): \(message)" }
}
