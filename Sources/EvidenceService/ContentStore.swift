import EvidenceExtraction
package import Foundation

/// Uploaded bytes kept by content (`<data>/objects/ab/abcdef…`): written to a temporary file,
/// flushed and renamed into place, so a crash never leaves a partial object under a real name.
package struct ContentStore: Sendable {
    package let root: URL

    package init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        removeAbandonedCopies()
    }

    /// A copy cut short by a crash is left as `.incoming.*.tmp`; an hour later it is surely dead.
    private func removeAbandonedCopies() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names where name.hasPrefix(".incoming.") && name.hasSuffix(".tmp") {
            let file = root.appendingPathComponent(name)
            let modified = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date) ?? .distantPast
            if modified < Date().addingTimeInterval(-3600) { try? FileManager.default.removeItem(at: file) }
        }
    }

    package func url(of sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(sha256)
    }

    /// The stored object's size in bytes (0 when missing).
    package func size(of sha256: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: url(of: sha256).path)[.size] as? Int) ?? 0
    }

    /// Copies a file in, hashing it on the way (a long scan is never held in memory whole); returns
    /// its sha256. Identical content is stored once. Hashing the copy, not a first read, means the
    /// object's name is always the digest of the bytes it holds, even if the source changed.
    @discardableResult
    package func put(fileAt source: URL) throws -> String {
        let temporary = root.appendingPathComponent(".incoming.\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let output = try FileHandle(forWritingTo: temporary)
        defer { try? output.close() }
        let sha256 = try ContentDigest.sha256(fileAt: source, copyingTo: output)
        let target = url(of: sha256)
        if FileManager.default.fileExists(atPath: target.path) { return sha256 }
        try output.synchronize()
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if rename(temporary.path, target.path) != 0, !FileManager.default.fileExists(atPath: target.path) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        return sha256
    }
}
