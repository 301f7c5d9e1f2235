import EvidenceModel
import Foundation

/// Word 97–2003 `.doc` files, through antiword (Debian's `antiword`, installed by the Makefile):
/// their binary format has no library in Debian that a program can link, and antiword reads the
/// text of Vietnamese documents correctly with its UTF-8 mapping.
enum LegacyWord {
    static let executable = "/usr/bin/antiword"

    static func pages(of url: URL, timeout: Double = 60) throws(ExtractionFailure) -> [String] {
        if isEncryptedPackage(url) {
            throw ExtractionFailure(.encryptedDocument, "The Office document is protected by a password; upload it without one.")
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ExtractionFailure(.unsupportedFormat, "Word 97–2003 files need antiword, which is not installed (make deps installs it).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-m", "UTF-8.txt", "-w", "0", url.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw ExtractionFailure(.unreadableFile, "antiword could not be started: \(error.localizedDescription)")
        }
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        // Read both before waiting: a full pipe would block antiword forever.
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        killer.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            if complaint.localizedCaseInsensitiveContains("encrypt") {
                throw ExtractionFailure(.encryptedDocument, "The Word document is protected by a password; upload it without one.")
            }
            if complaint.localizedCaseInsensitiveContains("not a Word Document") {
                throw ExtractionFailure(.unsupportedFormat, "The file is an Office 97–2003 file but not a Word document (a spreadsheet or presentation?): save it as PDF.")
            }
            throw ExtractionFailure(.corruptDocument, "The Word document cannot be read: \(complaint.split(separator: "\n").first.map(String.init) ?? "antiword failed").")
        }
        let pages = String(decoding: text, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map { String($0).nfc }
        return pages.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.isEmpty ? [""] : pages
    }

    /// An Office 2007+ file saved with a password is an OLE2 container holding an 'EncryptedPackage'
    /// stream instead of a ZIP package.
    static func isEncryptedPackage(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return head.range(of: marker) != nil
    }
}
