package import EvidenceModel
package import Foundation

/// One PNG for a review screen, and whether it came from the disk cache.
package struct PageImage: Sendable, Hashable {
    package var png: Data
    package var fromCache: Bool

    package init(png: Data, fromCache: Bool) { self.png = png; self.fromCache = fromCache }
}

/// One image to serve: its cache key and what to render when the cache does not hold it. Made by
/// `PageImages.pageRequest` and `regionRequest`, which validate and snap the request first, so the
/// key names exactly the image `PageImages.render` makes.
package struct PageImageRequest: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// A whole page, `width` one of the limits' widths.
        case page(width: Int)
        /// The region around a box (nil: the whole page at the region width).
        case region(Box?)
    }

    package let key: PageImageCache.Key
    package let url: URL
    package let format: FileFormat
    package let page: Int
    package let kind: Kind
    package let rotation: Int?
}

/// Page and region images with a disk cache keyed by content: the original's sha256, the page,
/// the width or box, and the rotation. A second request for the same image is one file read.
///
/// Renders are not serialised here: each opens its own poppler document (poppler-glib must not
/// share one document between threads, but separate documents render side by side), and the one
/// decoder with global state, leptonica's TIFF reader, takes a lock of its own (`UprightPageSource`).
/// How many renders run at once is the caller's to bound (the web service's render queue), as is
/// rendering an image once when several ask for it together. Safe to call from any thread.
package final class PageImages: Sendable {
    package let cache: PageImageCache
    package let limits: PageImageLimits

    package init(cacheDirectory: URL, limits: PageImageLimits = .default, cacheBounds: PageImageCache.Bounds = .default) throws {
        self.cache = try PageImageCache(directory: cacheDirectory, bounds: cacheBounds)
        self.limits = limits
    }

    /// Page `page` about `width` pixels wide, snapped to one of `limits.widths` before anything
    /// else, the cache key included. `rotation`: the page's `PageText.rotation` from the stored
    /// extraction (nil: a text-layer page).
    package func pageRequest(sha256: String, fileAt url: URL, format: FileFormat, page: Int, width: Int,
                             rotation: Int?) throws(PageImageError) -> PageImageRequest {
        let width = limits.snapped(width)
        let turn = try PageImageRenderer.validRotation(rotation)
        let key = try PageImageCache.Key(sha256: sha256, variant: "p\(page)-w\(width)-r\(rotation == nil ? "text" : String(turn))")
        return PageImageRequest(key: key, url: url, format: format, page: page, kind: .page(width: width), rotation: rotation)
    }

    /// The region around `box` (nil: the whole page at the region width).
    package func regionRequest(sha256: String, fileAt url: URL, format: FileFormat, page: Int, box: Box?,
                               rotation: Int?) throws(PageImageError) -> PageImageRequest {
        let turn = try PageImageRenderer.validRotation(rotation)
        let read = rotation == nil ? "text" : String(turn)
        let place = box.map { b in [b.x, b.y, b.width, b.height].map { String(format: "%.5f", $0) }.joined(separator: "_") } ?? "page"
        let key = try PageImageCache.Key(sha256: sha256, variant: "p\(page)-r\(read)-region-\(place)")
        return PageImageRequest(key: key, url: url, format: format, page: page, kind: .region(box), rotation: rotation)
    }

    /// The cached PNG, nil when it is not cached (or too old to serve).
    package func cached(_ request: PageImageRequest) -> Data? { cache.read(request.key) }

    /// Renders the image and caches it. Blocks for as long as rendering takes (up to seconds).
    package func render(_ request: PageImageRequest) throws(PageImageError) -> Data {
        let png: Data
        switch request.kind {
        case .page(let width):
            png = try PageImageRenderer.page(fileAt: request.url, format: request.format, page: request.page, width: width,
                                             rotation: request.rotation, limits: limits)
        case .region(let box):
            png = try PageImageRenderer.region(fileAt: request.url, format: request.format, page: request.page, box: box,
                                               rotation: request.rotation, limits: limits)
        }
        // A cache that cannot be written costs speed, not the answer.
        try? cache.write(png, for: request.key)
        return png
    }

    /// The cached image, else a render: for tools and tests that need no queue in front.
    package func image(_ request: PageImageRequest) throws(PageImageError) -> PageImage {
        if let png = cached(request) { return PageImage(png: png, fromCache: true) }
        return PageImage(png: try render(request), fromCache: false)
    }

    package func page(sha256: String, fileAt url: URL, format: FileFormat, page: Int, width: Int,
                      rotation: Int?) throws(PageImageError) -> PageImage {
        try image(pageRequest(sha256: sha256, fileAt: url, format: format, page: page, width: width, rotation: rotation))
    }

    package func region(sha256: String, fileAt url: URL, format: FileFormat, page: Int, box: Box?,
                        rotation: Int?) throws(PageImageError) -> PageImage {
        try image(regionRequest(sha256: sha256, fileAt: url, format: format, page: page, box: box, rotation: rotation))
    }
}

/// PNGs on disk under `<directory>/<sha256 prefix>/<sha256>-<variant>.png`, written to a temporary
/// file and renamed into place, so a reader never sees half an image.
///
/// Bounded in total size and age: after each write the oldest images go first until the total is
/// within `maxBytes` and none is older than `maxAge`, and an image past `maxAge` is not served. The
/// sizes are kept in memory from a scan of the folder at start (which applies the bounds to what an
/// earlier run left), so a write costs no directory walk. Files put there by another process are
/// not counted until the next start; files deleted behind its back are merely skipped.
package final class PageImageCache: @unchecked Sendable {
    /// Bumped when rendering changes, so old images are not served for new requests.
    static let version = "v1"

    package struct Bounds: Sendable, Hashable {
        package var maxBytes: Int
        package var maxAge: TimeInterval

        package init(maxBytes: Int, maxAge: TimeInterval) { self.maxBytes = maxBytes; self.maxAge = maxAge }

        /// The defaults of `review.cache_max_mb` and `review.cache_max_days`.
        package static let `default` = Bounds(maxBytes: 1_024 << 20, maxAge: 30 * 86_400)
    }

    package let directory: URL
    package let bounds: Bounds
    /// The clock images are dated by; tests pass their own.
    private let now: @Sendable () -> Date

    /// Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Oldest first; an element whose serial is not its entry's was superseded by a later write.
    private var order: [(name: String, serial: Int)] = []
    private var head = 0
    private var serial = 0
    private var total = 0

    private struct Entry { var bytes: Int; var written: Date; var serial: Int }

    package init(directory: URL, bounds: Bounds = .default, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.directory = directory; self.bounds = bounds; self.now = now
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        scan()
    }

    package struct Key: Sendable, Hashable {
        package let sha256: String
        package let variant: String

        /// The sha256 is checked: it becomes a path.
        package init(sha256: String, variant: String) throws(PageImageError) {
            let lower = sha256.lowercased()
            guard lower.utf8.count == 64, lower.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
                throw .invalidRequest("'\(sha256)' is not a sha256 (64 hexadecimal digits)")
            }
            self.sha256 = lower; self.variant = variant
        }
    }

    package func url(of key: Key) -> URL { directory.appendingPathComponent(name(of: key)) }

    /// The path below `directory`: the index's key.
    private func name(of key: Key) -> String {
        "\(key.sha256.prefix(2))/\(key.sha256)-\(key.variant)-\(Self.version).png"
    }

    package func read(_ key: Key) -> Data? {
        let name = name(of: key)
        let expired: Bool = lock.withLock {
            guard let entry = entries[name], entry.written < now().addingTimeInterval(-bounds.maxAge) else { return false }
            remove(name)
            return true
        }
        return expired ? nil : try? Data(contentsOf: directory.appendingPathComponent(name))
    }

    package func write(_ png: Data, for key: Key) throws {
        // One image over the whole budget would only push everything else out, then itself.
        guard png.count <= bounds.maxBytes else { return }
        let name = name(of: key)
        let target = directory.appendingPathComponent(name)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try png.write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        lock.withLock {
            add(name, bytes: png.count, written: now())
            evict()
        }
    }

    /// The bytes and number of images the cache counts now.
    package var usage: (bytes: Int, images: Int) { lock.withLock { (total, entries.count) } }

    // MARK: - The index (callers hold `lock`)

    private func add(_ name: String, bytes: Int, written: Date) {
        if let old = entries[name] { total -= old.bytes }
        serial += 1
        entries[name] = Entry(bytes: bytes, written: written, serial: serial)
        order.append((name, serial))
        total += bytes
    }

    private func remove(_ name: String) {
        guard let entry = entries.removeValue(forKey: name) else { return }
        total -= entry.bytes
        // Already gone (deleted by hand, or by another process) is as good as removed.
        _ = unlink(directory.appendingPathComponent(name).path)
    }

    /// Oldest first until within both bounds. The order is by write, so past the first image young
    /// enough and within the size, the rest are too.
    private func evict() {
        let cutoff = now().addingTimeInterval(-bounds.maxAge)
        while head < order.count {
            let (name, stamp) = order[head]
            if let entry = entries[name], entry.serial == stamp {
                guard total > bounds.maxBytes || entry.written < cutoff else { break }
                remove(name)
            }
            head += 1
        }
        // Drop the consumed front now and then rather than on every eviction.
        if head > 1_024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    /// Counts what an earlier run left (oldest first by modification time) and applies the bounds.
    private func scan() {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys) else { return }
        var found: [(name: String, bytes: Int, written: Date)] = []
        let root = directory.standardizedFileURL.path + "/"
        for case let url as URL in walker where url.pathExtension == "png" {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(root) else { continue }
            found.append((String(path.dropFirst(root.count)), values.fileSize ?? 0, values.contentModificationDate ?? .distantPast))
        }
        lock.withLock {
            for file in found.sorted(by: { $0.written < $1.written }) { add(file.name, bytes: file.bytes, written: file.written) }
            evict()
        }
    }
}
