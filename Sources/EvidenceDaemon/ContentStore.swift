import EvidenceExtraction
import Foundation

/// Uploaded bytes kept by content (`<data>/objects/ab/abcdef…`): written to a temporary file,
/// flushed and renamed into place, so a crash never leaves a partial object under a real name.
public struct ContentStore: Sendable {
    public let root: URL

    public init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    public func url(of sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(sha256)
    }

    /// Copies a file in; returns its sha256. Identical content is stored once.
    @discardableResult
    public func put(fileAt source: URL) throws -> String {
        let data = try Data(contentsOf: source)
        let sha256 = ContentDigest.sha256(data)
        let target = url(of: sha256)
        if FileManager.default.fileExists(atPath: target.path) { return sha256 }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(sha256).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        if rename(temporary.path, target.path) != 0, !FileManager.default.fileExists(atPath: target.path) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        return sha256
    }
}
