import Foundation
import Testing
@testable import EvidenceDaemon

/// Files still being written are not taken early; links are not followed.
@Suite struct InboxScannerTests {
    @Test func folderStillBeingCopiedIsNotReadyUntilItStopsChanging() throws {
        let inbox = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        // The scanner's clock is given, not slept through: a busy machine stretches real sleeps.
        let scanner = InboxScanner(inbox: inbox, stabilityDelay: 2.5)
        let folder = inbox.appendingPathComponent("upload")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{}".write(to: folder.appendingPathComponent("submission.json"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("scan.pdf")
        try Data().write(to: file)
        let handle = try FileHandle(forWritingTo: file)
        var now = Date()
        // Copied slowly in chunks, each gap shorter than the stability delay.
        for _ in 0..<6 {
            try handle.write(contentsOf: Data(repeating: 0x25, count: 4096))
            #expect(scanner.readyFolders(now: now).isEmpty, "taken while still being written")
            now += 1
        }
        try handle.close()
        #expect(scanner.readyFolders(now: now).isEmpty)
        now += 2.7
        #expect(scanner.readyFolders(now: now).map(\.lastPathComponent) == ["upload"])
    }

    @Test func folderWithoutManifestAndLinkedFoldersAreIgnored() throws {
        let inbox = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        let outside = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try "{}".write(to: outside.appendingPathComponent("submission.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("link"), withDestinationURL: outside)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("no-manifest"), withIntermediateDirectories: true)
        let scanner = InboxScanner(inbox: inbox, stabilityDelay: 0)
        #expect(scanner.readyFolders(waitForStability: false).isEmpty)
    }
}
