import CProcessControl
package import EvidenceExtraction
package import EvidenceModel
package import EvidenceStore
package import Foundation

/// Why a review image cannot be served. `unknownFlag`, `unknownDocument` and `noPlace` are 404s
/// for the web layer; `image` carries the renderer's own reason (see `PageImageError`).
package enum ReviewImageError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownFlag(Int64)
    /// A claim-level flag (no-evidence, score-above-max...): no file to show.
    case noPlace(Int64)
    /// No stored document with this sha256 (or its original is gone from the content store).
    case unknownDocument(String)
    case image(PageImageError)
    /// Every render thread is busy and `waiting` renders wait already: come back later.
    case busy(waiting: Int)

    package var description: String {
        switch self {
        case .unknownFlag(let id): "no flag \(id)"
        case .noPlace(let id): "flag \(id) is about the claim, not a file: it has no page to show"
        case .unknownDocument(let sha): "no stored document \(sha)"
        case .image(let error): error.description
        case .busy(let waiting): "every render thread is busy and \(waiting) images wait for one; try again shortly"
        }
    }
}

/// The review screens' images from what the daemon stored: a flag's region, a document's page.
/// Looks up the flag's file in its submission, the document's format and each page's OCR rotation
/// in the store, and the original in the content store. Access rules are the caller's (a unit sees
/// only its own flags and documents).
///
/// Serving an image (`png(regionOf:)`, `png(sha256:page:width:)`) is two steps, neither on the
/// Swift concurrency pool: the lookup and cache read (`regionSource`/`pageSource`: the store, which
/// decodes the stored extraction for the page's rotation, and a file) on lookup threads of their
/// own, so a flood of image requests queues there and not in front of every other route's store
/// calls; then for a miss the render on the render threads (`RenderQueue`: a few threads, a bounded
/// queue, one render per image however many ask for it at once).
package struct ReviewImages: Sendable {
    package let store: Store
    package let content: ContentStore
    package let images: PageImages
    package let renders: RenderQueue<PageImageCache.Key, Result<Data, PageImageError>>
    package let lookups: FixedThreadPool

    /// Render threads: one per core, at most four. Each render holds a page's pixels (a 2400-pixel
    /// page is about 40 MB while cairo draws it), so more threads buy memory, not answers.
    package static let defaultRenderThreads = min(4, max(1, ExtractionOptions.cores))
    /// Renders that may wait for a thread (`review.render_queue`'s default).
    package static let defaultRenderQueue = 16

    package init(store: Store, content: ContentStore, images: PageImages,
                 renderThreads: Int = Self.defaultRenderThreads, renderQueue: Int = Self.defaultRenderQueue) {
        self.store = store; self.content = content; self.images = images
        self.renders = RenderQueue(threads: renderThreads, maxWaiting: renderQueue, name: "evidenced-render", niceness: 10)
        // Two: a lookup is milliseconds, and SQLite's readers and the cores are shared with the rest.
        self.lookups = FixedThreadPool(threads: 2, name: "evidenced-image-lookup")
    }

    /// The configured daemon's: originals under `<data>/objects`, the cache under `review.cache_dir`
    /// bounded by `review.cache_max_mb` and `review.cache_max_days`, `review.render_queue`.
    package init(configuration: Configuration, store: Store) throws {
        self.init(store: store, content: try ContentStore(root: configuration.contentDirectoryURL),
                  images: try PageImages(cacheDirectory: URL(fileURLWithPath: configuration.reviewCacheDirectory),
                                         cacheBounds: configuration.review.cacheBounds),
                  renderQueue: configuration.review.renderQueue)
    }

    /// For the process that serves images, once at start. glibc raises its mmap threshold to the
    /// size of each large block freed (up to 32 MiB); past that, renders' buffers (megabytes each)
    /// come from the threads' heap arenas and stay resident after use, so a burst of renders left
    /// hundreds of MB behind for good. A fixed threshold keeps them mmapped: returned when freed.
    package static func keepLargeBuffersMapped() {
        _ = evidenced_fix_mmap_threshold(128 << 10)
    }

    /// Where an image comes from: the cache's bytes, or a render still to do.
    package enum Source: Sendable {
        case cached(Data)
        case render(PageImageRequest)
    }

    /// The PNG of the flag's region: from the cache, else rendered (see `render`).
    package func png(regionOf flagId: Int64) async throws(ReviewImageError) -> Data {
        try await png { () throws(ReviewImageError) in try regionSource(flagId: flagId) }
    }

    /// The PNG of page `page` (1-based) of a stored document, `width` snapped to the page widths.
    package func png(sha256: String, page: Int, width: Int) async throws(ReviewImageError) -> Data {
        try await png { () throws(ReviewImageError) in try pageSource(sha256: sha256, page: page, width: width) }
    }

    private func png(_ lookup: @escaping @Sendable () throws(ReviewImageError) -> Source) async throws(ReviewImageError) -> Data {
        switch try await lookups.run({ Result(catching: lookup) }).get() {
        case .cached(let png): return png
        case .render(let request): return try await render(request)
        }
    }

    /// The flag's file and page with its box (no box: the whole page; no page: page 1). Blocking.
    package func regionSource(flagId: Int64) throws(ReviewImageError) -> Source {
        try source(regionRequest(flagId: flagId))
    }

    /// Page `page` (1-based) of a stored document, `width` snapped to the page widths. Blocking.
    package func pageSource(sha256: String, page: Int, width: Int) throws(ReviewImageError) -> Source {
        try source(pageRequest(sha256: sha256, page: page, width: width))
    }

    /// Renders on the render threads; throws `.busy` at once when every thread is busy and the
    /// queue in front is full. Requests for the same image while it renders get the same bytes.
    package func render(_ request: PageImageRequest) async throws(ReviewImageError) -> Data {
        let images = self.images
        let outcome: Result<Data, PageImageError>
        do {
            outcome = try await renders.run(request.key) {
                // Cached meanwhile by a render that had just finished: a file read, not a render.
                Result { () throws(PageImageError) in try images.image(request).png }
            }
        } catch {
            throw .busy(waiting: error.waiting)
        }
        do { return try outcome.get() } catch { throw .image(error) }
    }

    /// Both steps on the calling thread, without the queue: for tools and tests.
    package func region(flagId: Int64) throws(ReviewImageError) -> PageImage {
        let request = try regionRequest(flagId: flagId)
        do { return try images.image(request) } catch { throw .image(error) }
    }

    /// Page `page` (1-based) of a stored document, `width` snapped to the page widths.
    package func page(sha256: String, page: Int, width: Int) throws(ReviewImageError) -> PageImage {
        let request = try pageRequest(sha256: sha256, page: page, width: width)
        do { return try images.image(request) } catch { throw .image(error) }
    }

    package func regionRequest(flagId: Int64) throws(ReviewImageError) -> PageImageRequest {
        let (sha256, page, box) = try place(of: flagId)
        let (url, format, rotation) = try original(sha256, page: page)
        do { return try images.regionRequest(sha256: sha256, fileAt: url, format: format, page: page, box: box, rotation: rotation) }
        catch { throw .image(error) }
    }

    package func pageRequest(sha256: String, page: Int, width: Int) throws(ReviewImageError) -> PageImageRequest {
        let sha256 = sha256.lowercased()
        let (url, format, rotation) = try original(sha256, page: page)
        do { return try images.pageRequest(sha256: sha256, fileAt: url, format: format, page: page, width: width, rotation: rotation) }
        catch { throw .image(error) }
    }

    private func source(_ request: PageImageRequest) -> Source {
        images.cached(request).map(Source.cached) ?? .render(request)
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
