package import EvidenceExtraction
package import EvidenceModel
package import EvidenceStore
import Foundation

/// Why a review image cannot be served. `unknownFlag`, `unknownDocument` and `noPlace` are 404s
/// for the web layer; `image` carries the renderer's own reason (see `PageImageError`).
package enum ReviewImageError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownFlag(Int64)
    /// A claim-level flag (no-evidence, score-above-max...): no file to show.
    case noPlace(Int64)
    /// No stored document with this sha256 (or its original is gone from the content store).
    case unknownDocument(String)
    case image(PageImageError)

    package var description: String {
        switch self {
        case .unknownFlag(let id): "no flag \(id)"
        case .noPlace(let id): "flag \(id) is about the claim, not a file: it has no page to show"
        case .unknownDocument(let sha): "no stored document \(sha)"
        case .image(let error): error.description
        }
    }
}

/// The review screens' images from what the daemon stored: a flag's region, a document's page.
/// Looks up the flag's file in its submission, the document's format and each page's OCR rotation
/// in the store, and the original in the content store. Access rules are the caller's (a unit sees
/// only its own flags and documents).
package struct ReviewImages: Sendable {
    package let store: Store
    package let content: ContentStore
    package let images: PageImages

    package init(store: Store, content: ContentStore, images: PageImages) {
        self.store = store; self.content = content; self.images = images
    }

    /// The configured daemon's: originals under `<data>/objects`, the cache under `review.cache_dir`.
    package init(configuration: Configuration, store: Store) throws {
        self.init(store: store, content: try ContentStore(root: configuration.dataDirectoryURL.appendingPathComponent("objects")),
                  images: try PageImages(cacheDirectory: URL(fileURLWithPath: configuration.reviewCacheDirectory)))
    }

    /// The flag's file and page with its box (no box: the whole page; no page: page 1).
    package func region(flagId: Int64) throws(ReviewImageError) -> PageImage {
        let (sha256, page, box) = try place(of: flagId)
        let (url, format, rotation) = try original(sha256, page: page)
        do { return try images.region(sha256: sha256, fileAt: url, format: format, page: page, box: box, rotation: rotation) }
        catch { throw .image(error) }
    }

    /// Page `page` (1-based) of a stored document, `width` pixels wide (clamped to 200...2400).
    package func page(sha256: String, page: Int, width: Int) throws(ReviewImageError) -> PageImage {
        let (url, format, rotation) = try original(sha256.lowercased(), page: page)
        do { return try images.page(sha256: sha256.lowercased(), fileAt: url, format: format, page: page, width: width, rotation: rotation) }
        catch { throw .image(error) }
    }

    /// The sha256 of the flag's file, its page and box.
    package func place(of flagId: Int64) throws(ReviewImageError) -> (sha256: String, page: Int, box: Box?) {
        guard let queued = try? store.flag(id: flagId) else { throw .unknownFlag(flagId) }
        guard let file = queued.flag.file,
              let submission = try? store.submission(id: queued.submission),
              let sha256 = submission.files[file] else { throw .noPlace(flagId) }
        return (sha256, queued.flag.page ?? 1, queued.flag.box)
    }

    /// The original's path, its format (as extracted, else sniffed) and the page's OCR rotation.
    private func original(_ sha256: String, page: Int) throws(ReviewImageError) -> (URL, FileFormat, Int?) {
        let url = content.url(of: sha256)
        guard sha256.utf8.count == 64, FileManager.default.fileExists(atPath: url.path) else { throw .unknownDocument(sha256) }
        let stored = try? store.document(sha256: sha256)
        let extracted = stored?.extracted
        let format: FileFormat
        if let known = extracted?.format {
            format = known
        } else {
            let head = (try? FileHandle(forReadingFrom: url)).flatMap { handle in
                defer { try? handle.close() }
                return try? handle.read(upToCount: 8192)
            } ?? Data()
            guard let sniffed = FileSniffer.format(of: head) else { throw .image(.unreadable(ExtractionFailure(.unsupportedFormat, "The file's format is not known."))) }
            format = sniffed
        }
        let rotation = extracted?.perPage.first { $0.page == page }?.rotation
        return (url, format, rotation)
    }
}
