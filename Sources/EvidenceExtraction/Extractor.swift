package import EvidenceModel
package import Foundation

/// The real extractor: sniffs the file's kind, then takes each PDF page's text layer where it holds
/// the page's text and OCRs the rest (and every image page) with tesseract, pages in parallel.
package final class Extractor: DocumentExtracting, @unchecked Sendable {
    package let options: ExtractionOptions
    private let recognizers: RecognizerPool

    package init(options: ExtractionOptions = .init(), recognizers factory: (any RecognizerFactory)? = nil) {
        self.options = options
        self.recognizers = RecognizerPool(factory: factory
            ?? TesseractFactory(language: options.language, tessdataPath: options.tessdataPath), capacity: options.workers)
    }

    package func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
        let result: Result<ExtractedDocument, ExtractionFailure> = await withCheckedContinuation { continuation in
            // OCR blocks a thread for seconds: keep it off the cooperative pool.
            Thread.detachNewThread { [self] in
                continuation.resume(returning: Result { () throws(ExtractionFailure) in
                    try extractSynchronously(fileAt: url, progress: progress)
                })
            }
        }
        return try result.get()
    }

    /// Unloads the OCR models; the next extraction loads them again.
    package func releaseEngines() { recognizers.drain() }

    /// The whole extraction on the calling thread (worker threads for OCR).
    package func extractSynchronously(fileAt url: URL, progress: ExtractionProgress? = nil) throws(ExtractionFailure) -> ExtractedDocument {
        let input = try EvidenceFile.read(url, limits: options.limits)
        let deadline = Date().addingTimeInterval(options.limits.secondsPerFile)
        var context = ExtractionContext(options: options, recognizers: recognizers, deadline: deadline, progress: progress)
        let pages: [PageText]
        switch input.format {
        case .pdf: pages = try PDFExtraction.pages(of: url, context: &context)
        case .png, .jpeg, .tiff: pages = try ImageExtraction.pages(of: input.contents(), format: input.format, context: &context)
        case .heic: pages = try ImageExtraction.pages(of: HEICDecoder.png(of: url), format: .png, context: &context)
        case .text: pages = try PlainTextExtraction.pages(of: input.contents())
        case .docx, .doc, .odt, .xlsx, .ods: pages = try OfficeExtraction.pages(of: url, format: input.format)
        }
        // The printed stamp stays the printed stamp: a certificate's common name is often the body, not
        // the person who signed, so it must not stand in for a signer name (signer-mismatch would follow).
        return ExtractedDocument(file: url.path, sha256: input.sha256, format: input.format, pages: pages.count,
                                 perPage: pages, digitalSignature: context.signature, digitalSignatures: context.signatures,
                                 warnings: context.warnings)
    }
}

/// What the steps of one extraction share: settings, the OCR engines, and what they found.
struct ExtractionContext {
    let options: ExtractionOptions
    let recognizers: RecognizerPool
    let deadline: Date
    let progress: ExtractionProgress?
    var signature: DigitalSignature?
    var signatures: [PDFSignature] = []
    var warnings: [String] = []

    init(options: ExtractionOptions, recognizers: RecognizerPool, deadline: Date, progress: ExtractionProgress?) {
        self.options = options; self.recognizers = recognizers; self.deadline = deadline; self.progress = progress
    }
}
