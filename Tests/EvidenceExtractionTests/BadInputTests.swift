import Foundation
import Testing
import EvidenceModel
import EvidenceDaemon
import EvidenceExtractionTesting
@testable import EvidenceExtraction

/// Every kind of bad input gets a typed error, never a crash or a hang; the other files of the same
/// call are still processed. The bad files are made at test time.
@Suite struct BadInputTests {
    static let extractor = Extractor(options: .init(workers: 2))
    static let good = SampleExpectation.samples.appendingPathComponent("born-digital-bb-08.pdf")

    /// A fresh folder of bad inputs, removed by the caller.
    static func makeBadInputs() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pdf = try Data(contentsOf: good)
        try Data().write(to: folder.appendingPathComponent("empty.pdf"))
        try pdf.prefix(pdf.count * 2 / 5).write(to: folder.appendingPathComponent("truncated.pdf"))
        try (Data("%PDF-1.7\n".utf8) + Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }))
            .write(to: folder.appendingPathComponent("corrupt.pdf"))
        try Data(contentsOf: URL(fileURLWithPath: "/bin/true")).write(to: folder.appendingPathComponent("program.pdf"))
        try Data(contentsOf: SampleExpectation.samples.appendingPathComponent("photo-bb-08.png"))
            .write(to: folder.appendingPathComponent("really-a-png.pdf"))
        try run("qpdf", "--encrypt", "secret", "owner", "256", "--", good.path, folder.appendingPathComponent("encrypted.pdf").path)
        try run("qpdf", "--empty", "--pages", good.path, Array(repeating: "1", count: 2000).joined(separator: ","), "--",
                folder.appendingPathComponent("2000-pages.pdf").path)
        try hugePNG(width: 30_000, height: 30_000).write(to: folder.appendingPathComponent("huge.png"))
        return folder
    }

    static func run(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// A valid grey PNG of the given size whose pixel data is one small zlib stream of zeros.
    static func hugePNG(width: Int, height: Int) throws -> Data {
        let script = """
        import struct, sys, zlib
        w, h = \(width), \(height)
        def chunk(kind, data):
            return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
        z = zlib.compressobj(9); row = b'\\x00' * (w + 1); body = b''.join(z.compress(row) for _ in range(h)) + z.flush()
        sys.stdout.buffer.write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) + chunk(b'IDAT', body) + chunk(b'IEND', b''))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test func eachBadInputGetsItsErrorCode() throws {
        let folder = try Self.makeBadInputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected: [String: ExtractionFailure.Code] = [
            "empty.pdf": .emptyFile, "corrupt.pdf": .corruptPDF, "program.pdf": .unsupportedFormat,
            "encrypted.pdf": .encryptedPDF, "2000-pages.pdf": .tooManyPages, "huge.png": .imageTooLarge,
            "missing.pdf": .notFound,
        ]
        for (name, code) in expected.sorted(by: { $0.key < $1.key }) {
            do {
                _ = try Self.extractor.extractSynchronously(fileAt: folder.appendingPathComponent(name))
                Issue.record("\(name) should have failed with \(code.rawValue)")
            } catch {
                #expect(error.code == code, "\(name)")
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func truncatedPDFIsRepairedOrRefusedButNeverCrashes() throws {
        let folder = try Self.makeBadInputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let document = try Self.extractor.extractSynchronously(fileAt: folder.appendingPathComponent("truncated.pdf"))
            #expect(document.pages >= 1)   // poppler rebuilt what it could
        } catch {
            #expect(error.code == .corruptPDF)
        }
    }

    @Test func typeIsSniffedFromTheBytesNotTheName() throws {
        let folder = try Self.makeBadInputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let extractor = Extractor(recognizers: NullRecognizers())
        let document = try extractor.extractSynchronously(fileAt: folder.appendingPathComponent("really-a-png.pdf"))
        #expect(document.format == .png)
    }

    @Test func badFilesDoNotStopTheOthers() async throws {
        let folder = try Self.makeBadInputs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["empty.pdf", "corrupt.pdf", "encrypted.pdf"].map { folder.appendingPathComponent($0).path } + [Self.good.path]
        let lines = LineCollector()
        let failures = await ExtractRunner(extractor: Self.extractor, json: true, layout: false)
            .run(files: files) { lines.append($0) }
        #expect(failures == 3)
        let objects = try lines.all.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(objects.count == 4)
        #expect(objects.prefix(3).map { $0["error"] as? String } == ["empty-file", "corrupt-pdf", "encrypted-pdf"])
        #expect(objects[3]["pages"] as? Int == 1)
        #expect(objects[3]["error"] == nil)
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
