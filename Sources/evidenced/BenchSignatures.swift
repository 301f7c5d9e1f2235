import ArgumentParser
import EvidenceExtraction
import Foundation

/// `make bench`: milliseconds to read and validate one PDF's signatures on one core (hidden).
struct BenchSignatures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-signatures", abstract: "Signature reading time per signed PDF.", shouldDisplay: false)

    @Argument(help: "Signed PDF files.") var files: [String]
    @Option(help: "How long to measure.") var seconds = 3.0

    func run() throws {
        let urls = files.map { URL(fileURLWithPath: $0) }
        var count = 0, signatures = 0
        let start = Date()
        let cpuStart = clock()
        repeat {
            for url in urls {
                signatures += (try? SignatureReading.signatures(ofPDFAt: url).signatures.count) ?? 0
                count += 1
            }
        } while Date().timeIntervalSince(start) < seconds
        let milliseconds = Date().timeIntervalSince(start) * 1000 / Double(count)
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC) * 1000 / Double(count)
        print(String(format: "Signatures: %.2f ms per file on one core (CPU %.2f ms; %d files, %.1f signatures each; target < 20 ms)",
                     milliseconds, cpu, urls.count, Double(signatures) / Double(count)))
    }
}
