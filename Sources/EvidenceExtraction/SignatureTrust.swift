import CNSS
import Crypto
import Foundation

/// The trust store poppler checks signers' certificates against.
///
/// Poppler validates with NSS, whose certificate database is chosen once per process. Poppler-glib
/// 22.x offers no way to name it (poppler_set_nss_dir came in 23.x): unset, poppler opens the first
/// Firefox profile under $HOME, else /etc/pki/nssdb, else ~/.pki/nssdb, so the verdict would depend on
/// whoever runs the daemon. evidenced therefore opens NSS itself before poppler's first validation
/// (NSS ignores later initialisations): with no configured folder, an empty store (every issuer
/// unknown, integrity still checked); with `signatures.trusted_ca_dir`, a database built from the
/// folder's certificates (PEM, several per file allowed, or DER) with `certutil` (libnss3-tools),
/// each trusted as a CA for signing. The database is cached under the temporary directory by the
/// digest of the folder's contents, so workers and restarts reuse it and a changed folder gets a new one.
package enum SignatureTrust {
    /// The store this process uses, or why the configured folder could not be used.
    package enum State: Sendable, Equatable {
        case empty
        case folder(String)
        case failed(String)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var state: State?

    /// Opens the store on first use; later calls keep the first choice (NSS allows one per process).
    @discardableResult
    package static func prepare(caDirectory: String?) -> State {
        lock.lock()
        defer { lock.unlock() }
        if let state { return state }
        let chosen: State
        if let caDirectory, !caDirectory.isEmpty {
            do {
                let database = try database(for: caDirectory)
                chosen = NSS_Init("sql:" + database) == SECSuccess ? .folder(caDirectory)
                    : .failed("NSS could not open the trust database built from \(caDirectory).")
            } catch {
                chosen = .failed("\(error)")
            }
        } else {
            chosen = .empty
        }
        if NSS_IsInitialized() == 0 { _ = NSS_NoDB_Init(nil) }
        state = chosen
        return chosen
    }

    struct TrustError: Error, CustomStringConvertible {
        let description: String
    }

    /// The certificates of the folder, each as DER, with the file they came from.
    static func certificates(in directory: String) throws -> [(name: String, der: [UInt8])] {
        let url = URL(fileURLWithPath: directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw TrustError(description: "signatures.trusted_ca_dir \(directory) cannot be read.")
        }
        var found: [(String, [UInt8])] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let data = try? Data(contentsOf: url.appendingPathComponent(name)) else { continue }
            if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN CERTIFICATE-----") {
                for (index, block) in text.components(separatedBy: "-----BEGIN CERTIFICATE-----").dropFirst().enumerated() {
                    guard let body = block.components(separatedBy: "-----END CERTIFICATE-----").first,
                          let der = Data(base64Encoded: body.filter { !$0.isWhitespace }) else { continue }
                    found.append(("\(name)#\(index + 1)", [UInt8](der)))
                }
            } else if data.first == 0x30 {
                found.append((name, [UInt8](data)))
            }
        }
        guard !found.isEmpty else {
            throw TrustError(description: "signatures.trusted_ca_dir \(directory) holds no certificate (PEM or DER).")
        }
        return found
    }

    /// The NSS database of the folder's certificates, built once per distinct content.
    static func database(for directory: String) throws -> String {
        let certificates = try certificates(in: directory)
        var hasher = SHA256()
        for certificate in certificates { hasher.update(data: certificate.der) }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined().prefix(24)
        let base = FileManager.default.temporaryDirectory
        let final = base.appendingPathComponent("evidenced-nss-\(digest)")
        if FileManager.default.fileExists(atPath: final.appendingPathComponent("cert9.db").path) { return final.path }
        let staging = base.appendingPathComponent("evidenced-nss-\(digest).\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try certutil(["-N", "-d", "sql:" + staging.path, "--empty-password"])
        for (index, certificate) in certificates.enumerated() {
            let file = staging.appendingPathComponent("import.der")
            try Data(certificate.der).write(to: file)
            try certutil(["-A", "-d", "sql:" + staging.path, "-n", "evidenced-ca-\(index + 1) \(certificate.name)",
                          "-t", "CT,C,C", "-i", file.path])
            try? FileManager.default.removeItem(at: file)
        }
        // Another process may have finished first: either database is the same.
        if rename(staging.path, final.path) != 0 { try? FileManager.default.removeItem(at: staging) }
        return final.path
    }

    private static func certutil(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/certutil")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw TrustError(description: "certutil (libnss3-tools) is needed for signatures.trusted_ca_dir: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TrustError(description: "certutil \(arguments.first ?? "") failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
