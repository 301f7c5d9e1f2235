import Crypto
import Foundation

/// Content addresses: the lower-case hex SHA-256 of a file's bytes.
public enum ContentDigest {
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public static func sha256(fileAt url: URL) throws -> String {
        sha256(try Data(contentsOf: url, options: .mappedIfSafe))
    }
}
