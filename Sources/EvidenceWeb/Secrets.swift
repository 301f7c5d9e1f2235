import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords, API tokens and session cookies: random, shown once, stored only as hashes.
package enum Secrets {
    /// A random token of 32 bytes, URL-safe base64 (cookie- and header-safe).
    package static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A one-time password people can type: 16 characters without look-alikes.
    package static func password() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// How a token or cookie is stored: sha256, hex. Tokens are random and long, so a fast hash is
    /// enough; passwords are chosen by people and get bcrypt.
    /// Every request's session or token is hashed: hex digits by table (`String(format:)` per byte
    /// was most of the hash's cost, README "Speed and memory").
    package static func hash(token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)]); hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The bcrypt cost of the passwords this service generates: 16 random characters (93 bits)
    /// cannot be guessed whatever the cost, so 10 (a quarter of 12's time) is enough, and a
    /// secretariat's 700 new accounts are hashed in seconds rather than minutes.
    package static let generatedPasswordCost: UInt8 = 10

    package static func hash(password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    package static func verify(password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Compares in time independent of where the strings differ (CSRF tokens).
    package static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
