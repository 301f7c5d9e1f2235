import EvidenceService
import EvidenceExtraction
import Foundation
import Testing

@Suite struct ContentStoreTests {
    /// Larger than one 1 MiB chunk, so the streamed digest crosses chunk boundaries.
    private func bytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("content-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func streamedDigestEqualsTheDigestOfTheBytes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = bytes(2_500_000)
        let file = directory.appendingPathComponent("scan.pdf")
        try data.write(to: file)
        #expect(try ContentDigest.sha256(fileAt: file) == ContentDigest.sha256(data))
    }

    @Test func putStoresTheBytesUnderTheirDigestOnceAndLeavesNoTemporaryFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ContentStore(root: directory.appendingPathComponent("objects"))
        let data = bytes(1_300_000)
        let first = directory.appendingPathComponent("a.pdf"), second = directory.appendingPathComponent("b.pdf")
        try data.write(to: first)
        try data.write(to: second)
        let digest = try store.put(fileAt: first)
        #expect(try store.put(fileAt: second) == digest)
        #expect(digest == ContentDigest.sha256(data))
        #expect(try Data(contentsOf: store.url(of: digest)) == data)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.root.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func anAbandonedCopyIsSweptButAFreshOneIsKept() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = directory.appendingPathComponent("objects")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let old = root.appendingPathComponent(".incoming.old.tmp"), fresh = root.appendingPathComponent(".incoming.fresh.tmp")
        try Data("x".utf8).write(to: old)
        try Data("y".utf8).write(to: fresh)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: old.path)
        _ = try ContentStore(root: root)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))
    }
}
