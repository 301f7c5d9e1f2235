import EvidenceModel
import Foundation

/// PNG, JPEG and TIFF: every page is OCRed.
enum ImageExtraction {
    static func pages(of data: Data, format: FileFormat, context: inout ExtractionContext) throws(ExtractionFailure) -> [PageText] {
        let count = ImageDecoder.pageCount(of: data, format: format)
        guard count > 0 else { throw ExtractionFailure(.corruptImage, "The \(format.rawValue.uppercased()) image cannot be read.") }
        guard count <= context.options.limits.maxPages else {
            throw ExtractionFailure(.tooManyPages, "The image has \(count) pages, over the limit of \(context.options.limits.maxPages).")
        }
        let limit = context.options.limits.maxMegapixels
        let decoder = LockedDecoder()
        let recognized = try OCRStep.recognize(pages: Array(0..<count), total: count, context: &context) { index throws(ExtractionFailure) in
            try decoder.run { () throws(ExtractionFailure) in
                try ImageDecoder.page(index, of: data, format: format, maxMegapixels: limit)
            }.straightenedIfPhoto
        }
        return (0..<count).compactMap { recognized[$0] }
    }
}

extension GrayImage {
    /// A phone photo of a page is cut out of its background and straightened; anything else is as it was.
    var straightenedIfPhoto: GrayImage { PagePerspective.straightened(self) ?? self }
}

/// Leptonica's TIFF reader keeps global state: decode one page at a time.
final class LockedDecoder: @unchecked Sendable {
    private let lock = NSLock()
    func run<T>(_ body: () throws(ExtractionFailure) -> T) throws(ExtractionFailure) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
