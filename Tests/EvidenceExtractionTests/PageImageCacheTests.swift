import EvidenceModel
import Foundation
import Testing
@testable import EvidenceExtraction

/// Page widths are snapped to a few sizes, and the disk cache stays within its size and age:
/// oldest first, with a clock the test moves (no sleeps).
@Suite struct PageImageCacheTests {
    static let sha = String(repeating: "ab", count: 32)

    /// A clock that moves only when told.
    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_750_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("page-cache-test-\(UUID().uuidString)")
    }

    static func key(_ n: Int) throws -> PageImageCache.Key {
        try PageImageCache.Key(sha256: sha, variant: "p\(n)-w800-rtext")
    }

    static func pngs(in folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
    }

    @Test func aWidthIsSnappedToTheNextSizeUp() throws {
        let limits = PageImageLimits.default
        #expect(limits.widths == [400, 800, 1200, 1600, 2400])
        let cases = [(-5, 400), (0, 400), (200, 400), (400, 400), (401, 800), (800, 800), (1000, 1200),
                     (1201, 1600), (2000, 2400), (2400, 2400), (5000, 2400), (Int.max, 2400)]
        for (asked, made) in cases { #expect(limits.snapped(asked) == made, "\(asked)") }
        // Every width a client may name is one of five images: five cache entries, five renders.
        let images = try PageImages(cacheDirectory: Self.folder())
        defer { try? FileManager.default.removeItem(at: images.cache.directory) }
        let url = URL(fileURLWithPath: "/nonexistent/original.pdf")
        let keys = try Set((200...2400).map { width in
            try images.pageRequest(sha256: Self.sha, fileAt: url, format: .pdf, page: 1, width: width, rotation: nil).key
        })
        #expect(keys.count == 5)
        let request = try images.pageRequest(sha256: Self.sha, fileAt: url, format: .pdf, page: 1, width: 1700, rotation: nil)
        #expect(request.kind == .page(width: 2400))
        // Limits given out of order or with repeats are sorted once.
        #expect(PageImageLimits(widths: [800, 200, 800]).widths == [200, 800])
    }

    @Test func theCacheKeepsToItsSizeDroppingTheOldestFirst() throws {
        let clock = TestClock()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try PageImageCache(directory: folder, bounds: .init(maxBytes: 1_000, maxAge: 86_400), now: { clock.now })
        for n in 0..<5 {
            try cache.write(Data(repeating: UInt8(n), count: 300), for: Self.key(n))
            clock.advance(1)
        }
        #expect(cache.usage.bytes == 900 && cache.usage.images == 3)
        #expect(try cache.read(Self.key(0)) == nil && cache.read(Self.key(1)) == nil)
        for n in 2..<5 { #expect(try cache.read(Self.key(n)) == Data(repeating: UInt8(n), count: 300)) }
        #expect(try Self.pngs(in: folder).count == 3)
        // An image larger than the whole budget is not kept (it would push out everything else).
        try cache.write(Data(count: 1_001), for: Self.key(9))
        #expect(try cache.read(Self.key(9)) == nil && cache.usage.images == 3)
    }

    @Test func aRewrittenImageIsCountedOnceAndKeptAsTheNewest() throws {
        let clock = TestClock()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try PageImageCache(directory: folder, bounds: .init(maxBytes: 700, maxAge: 86_400), now: { clock.now })
        try cache.write(Data(count: 300), for: Self.key(0)); clock.advance(1)
        try cache.write(Data(count: 300), for: Self.key(1)); clock.advance(1)
        try cache.write(Data(count: 300), for: Self.key(0)); clock.advance(1)
        #expect(cache.usage.bytes == 600 && cache.usage.images == 2)
        // Over the bound: image 1 is now the oldest, not image 0's first copy.
        try cache.write(Data(count: 300), for: Self.key(2))
        #expect(try cache.read(Self.key(1)) == nil)
        #expect(try cache.read(Self.key(0)) != nil && cache.read(Self.key(2)) != nil)
        #expect(cache.usage.bytes == 600)
    }

    @Test func anImagePastItsAgeIsNeitherServedNorKept() throws {
        let clock = TestClock()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try PageImageCache(directory: folder, bounds: .init(maxBytes: 1 << 20, maxAge: 100), now: { clock.now })
        try cache.write(Data(count: 10), for: Self.key(0))
        clock.advance(50)
        try cache.write(Data(count: 10), for: Self.key(1))
        clock.advance(60)
        // Image 0 is 110 s old: not served, and gone from the disk.
        #expect(try cache.read(Self.key(0)) == nil)
        #expect(!FileManager.default.fileExists(atPath: try cache.url(of: Self.key(0)).path))
        #expect(try cache.read(Self.key(1)) != nil)
        // A write drops what aged meanwhile, unread or not.
        clock.advance(60)
        try cache.write(Data(count: 10), for: Self.key(2))
        #expect(try Self.pngs(in: folder).count == 1)
        #expect(cache.usage.images == 1 && cache.usage.bytes == 10)
    }

    @Test func aRestartCountsWhatIsOnDiskAndAppliesTheBounds() throws {
        let clock = TestClock()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try PageImageCache(directory: folder, bounds: .init(maxBytes: 1 << 20, maxAge: 86_400), now: { clock.now })
        // Five images of 300 bytes left by an earlier run, dated a minute apart, the first two days ago.
        for n in 0..<5 {
            try first.write(Data(count: 300), for: Self.key(n))
            let date = clock.now.addingTimeInterval(Double(n) * 60 - (n == 0 ? 2 * 86_400 : 3_600))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: first.url(of: Self.key(n)).path)
        }
        // Something that is not an image is left alone.
        try Data("notes".utf8).write(to: folder.appendingPathComponent("README"))
        let second = try PageImageCache(directory: folder, bounds: .init(maxBytes: 700, maxAge: 86_400), now: { clock.now })
        // Image 0 is past its age, images 1 and 2 the oldest over the size: all three gone at start.
        #expect(second.usage.bytes == 600 && second.usage.images == 2)
        #expect(try second.read(Self.key(0)) == nil && second.read(Self.key(1)) == nil && second.read(Self.key(2)) == nil)
        #expect(try second.read(Self.key(3)) != nil && second.read(Self.key(4)) != nil)
        #expect(try Self.pngs(in: folder).count == 2)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("README").path))
    }

    @Test func anImageDeletedBehindTheCachesBackIsAMiss() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try PageImageCache(directory: folder, bounds: .init(maxBytes: 1_000, maxAge: 86_400))
        try cache.write(Data(count: 300), for: Self.key(0))
        try FileManager.default.removeItem(at: folder)
        #expect(try cache.read(Self.key(0)) == nil)
        // Writing again recreates the folders.
        try cache.write(Data(count: 300), for: Self.key(1))
        #expect(try cache.read(Self.key(1)) != nil)
    }
}
