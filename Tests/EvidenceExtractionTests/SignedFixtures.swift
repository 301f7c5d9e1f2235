import Foundation

/// Signed PDFs made at test time by scripts/signed_pdfs.py with a throwaway CA (Python's
/// `cryptography`, installed by `make test`). Made once per test process.
enum SignedFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding valid.pdf, altered.pdf, ... and ca/ca.pem; nil when they cannot be made.
    static let folder: URL? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-signed-\(getpid())")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/signed_pdfs.py").path, folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()

    static var available: Bool { folder != nil }

    static func url(_ name: String) -> URL { folder!.appendingPathComponent(name) }
}
