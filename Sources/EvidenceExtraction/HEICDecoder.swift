import EvidenceModel
import Foundation

/// iPhone photos (HEIC, HEIF), through libheif's `heif-convert` (Debian's `libheif-examples`,
/// installed by the Makefile) into a PNG in a temporary folder, removed after reading. libheif
/// applies the container's rotation and mirroring (`irot`, `imir`), which is how an iPhone records
/// the way it was held; the EXIF orientation in the file repeats it and is not applied again.
enum HEICDecoder {
    static let executable = "/usr/bin/heif-convert"

    /// The photo as PNG bytes.
    static func png(of url: URL, timeout: Double = 60) throws(ExtractionFailure) -> Data {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ExtractionFailure(.unsupportedFormat,
                "HEIC photos need heif-convert (Debian's libheif-examples), which is not installed (make deps installs it); or export the photo as JPEG.")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-heic-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("page.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--quiet", url.path, output.path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try process.run()
        } catch {
            throw ExtractionFailure(.unreadableFile, "heif-convert could not be started: \(error.localizedDescription)")
        }
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        killer.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0, let data = try? Data(contentsOf: output) else {
            let reason = complaint.split(separator: "\n").first.map(String.init) ?? "heif-convert failed"
            throw ExtractionFailure(.corruptImage, "The HEIC photo cannot be decoded: \(reason). Export it as JPEG.")
        }
        return data
    }
}
