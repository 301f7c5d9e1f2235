import EvidenceExtraction
@testable import EvidenceDaemon
import Foundation
import Testing
import EvidenceService

/// Trust in signers through `signatures.trusted_ca_dir`: NSS opens one trust store per process,
/// so each case runs `evidenced extract` in its own process, as the daemon's workers do.
@Suite(.enabled(if: SignedPDFs.folder != nil, "python3 with the `cryptography` package is needed to sign test PDFs (make test installs it)"))
struct SignatureTrustTests {
    func certificate(_ file: String, trusting folder: URL?) throws -> [String] {
        var arguments = ["extract", "--json", "--workers", "1", SignedPDFs.folder!.appendingPathComponent(file).path]
        if let folder { arguments += ["--trusted-ca-dir", folder.path] }
        let data = try TestPaths.output(of: TestPaths.executable, arguments, requireSuccess: false)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let signatures = try #require(object["digitalSignatures"] as? [[String: Any]])
        return signatures.compactMap { $0["certificate"] as? String }
    }

    @Test func untrustedCABecomesTrustedThroughTheConfiguredFolder() throws {
        let untrusted = try certificate("valid.pdf", trusting: nil)
        #expect(untrusted.count == 1 && untrusted != ["trusted"], "\(untrusted)")
        let ca = SignedPDFs.folder!.appendingPathComponent("ca")
        #expect(try certificate("valid.pdf", trusting: ca) == ["trusted"])
        #expect(try certificate("two-signatures.pdf", trusting: ca) == ["trusted", "trusted"])
        // Trusted issuer, but the certificate's validity has ended.
        #expect(try certificate("expired.pdf", trusting: ca) == ["expired"])
    }

    @Test func aFolderWithoutCertificatesIsReportedNotFatal() throws {
        let empty = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        // Still read and checked for integrity; nothing trusted.
        let statuses = try certificate("valid.pdf", trusting: empty)
        #expect(statuses.count == 1 && statuses != ["trusted"])
    }

    @Test func configurationKeyReachesTheWorkers() throws {
        let ca = SignedPDFs.folder!.appendingPathComponent("ca")
        let config = try Configuration.load(environment: ["EVIDENCED_SIGNATURES_TRUSTED_CA_DIR": ca.path],
                                            defaultFile: "/nonexistent/evidenced.toml")
        #expect(config.signatures.trustedCADirectory == ca.path)
        #expect(config.extractionOptions.trustedCADirectory == ca.path)
        let arguments = ProcessExtractor(executable: TestPaths.executable, options: config.extractionOptions).arguments()
        #expect(arguments.suffix(2) == ["--trusted-ca-dir", ca.path])
        #expect(!ProcessExtractor(executable: TestPaths.executable, options: ExtractionOptions()).arguments().contains("--trusted-ca-dir"))
    }
}

@Suite struct SignatureTrustConfigurationTests {
    @Test func trustFolderMustBeAnExistingAbsoluteDirectory() throws {
        for (value, reason) in [("trusted", "must be an absolute path, got 'trusted'"),
                                ("/nonexistent/ca", "must be an existing directory, got '/nonexistent/ca'")] {
            do throws(ConfigurationError) {
                _ = try Configuration.load(environment: ["EVIDENCED_SIGNATURES_TRUSTED_CA_DIR": value],
                                           defaultFile: "/nonexistent/evidenced.toml")
                Issue.record("accepted \(value)")
            } catch {
                #expect(error.key == "signatures.trusted_ca_dir")
                #expect(error.reason == reason)
            }
        }
        #expect(try Configuration.load(environment: [:], defaultFile: "/nonexistent/evidenced.toml").signatures.trustedCADirectory == nil)
    }
}

/// The signed PDFs of scripts/signed_pdfs.py, made once per test process.
enum SignedPDFs {
    static let folder: URL? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-signed-daemon-\(getpid())")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.root.appendingPathComponent("scripts/signed_pdfs.py").path, folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }()
}
