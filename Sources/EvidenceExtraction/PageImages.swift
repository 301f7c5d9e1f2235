package import EvidenceModel
package import Foundation

/// One PNG for a review screen, and whether it came from the disk cache.
package struct PageImage: Sendable, Hashable {
    package var png: Data
    package var fromCache: Bool

    package init(png: Data, fromCache: Bool) { self.png = png; self.fromCache = fromCache }
}

/// Page and region images with a disk cache keyed by content: the original's sha256, the page,
/// the width or box, and the rotation. A second request for the same image is one file read.
///
/// Rendering is serialised (poppler and leptonica's TIFF reader are not thread-safe); cache reads
/// are not. Safe to call from any thread or task.
package final class PageImages: Sendable {
    package let cache: PageImageCache
    package let limits: PageImageLimits

    package init(cacheDirectory: URL, limits: PageImageLimits = .default) throws {
        self.cache = try PageImageCache(directory: cacheDirectory)
        self.limits = limits
    }

    /// `rotation`: the page's `PageText.rotation` from the stored extraction (nil: a text-layer page).
    package func page(sha256: String, fileAt url: URL, format: FileFormat, page: Int, width: Int,
                      rotation: Int?) throws(PageImageError) -> PageImage {
        let width = limits.widths.clamped(width)
        let turn = try PageImageRenderer.validRotation(rotation)
        let key = try PageImageCache.Key(sha256: sha256, variant: "p\(page)-w\(width)-r\(rotation == nil ? "text" : String(turn))")
        return try cached(key) { () throws(PageImageError) in
            try PageImageRenderer.page(fileAt: url, format: format, page: page, width: width, rotation: rotation, limits: limits)
        }
    }

    /// The region around `box` (nil: the whole page at the region width).
    package func region(sha256: String, fileAt url: URL, format: FileFormat, page: Int, box: Box?,
                        rotation: Int?) throws(PageImageError) -> PageImage {
        let turn = try PageImageRenderer.validRotation(rotation)
        let read = rotation == nil ? "text" : String(turn)
        let place = box.map { b in [b.x, b.y, b.width, b.height].map { String(format: "%.5f", $0) }.joined(separator: "_") } ?? "page"
        let key = try PageImageCache.Key(sha256: sha256, variant: "p\(page)-r\(read)-region-\(place)")
        return try cached(key) { () throws(PageImageError) in
            try PageImageRenderer.region(fileAt: url, format: format, page: page, box: box, rotation: rotation, limits: limits)
        }
    }

    private static let renderLock = NSLock()

    private func cached(_ key: PageImageCache.Key, render: () throws(PageImageError) -> Data) throws(PageImageError) -> PageImage {
        if let png = cache.read(key) { return PageImage(png: png, fromCache: true) }
        Self.renderLock.lock()
        defer { Self.renderLock.unlock() }
        // Another request may have rendered it while this one waited.
        if let png = cache.read(key) { return PageImage(png: png, fromCache: true) }
        let png = try render()
        // A cache that cannot be written costs speed, not the answer.
        try? cache.write(png, for: key)
        return PageImage(png: png, fromCache: false)
    }
}

/// PNGs on disk under `<directory>/<sha256 prefix>/<sha256>-<variant>.png`, written to a temporary
/// file and renamed into place, so a reader never sees half an image.
package struct PageImageCache: Sendable {
    /// Bumped when rendering changes, so old images are not served for new requests.
    static let version = "v1"

    package let directory: URL

    package init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
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

    package func url(of key: Key) -> URL {
        directory.appendingPathComponent(String(key.sha256.prefix(2)), isDirectory: true)
            .appendingPathComponent("\(key.sha256)-\(key.variant)-\(Self.version).png")
    }

    package func read(_ key: Key) -> Data? {
        try? Data(contentsOf: url(of: key))
    }

    package func write(_ png: Data, for key: Key) throws {
        let target = url(of: key)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try png.write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }
}
