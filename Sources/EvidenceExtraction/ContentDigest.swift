import Crypto
package import Foundation

/// Content addresses: the lower-case hex SHA-256 of a file's bytes.
package enum ContentDigest {
    package static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Streams the file in 1 MiB chunks, writing each to `copy` if given: a 70 MB scan is hashed
    /// (and stored) without holding it in memory.
    package static func sha256(fileAt url: URL, copyingTo copy: FileHandle? = nil) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            try copy?.write(contentsOf: chunk)
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
