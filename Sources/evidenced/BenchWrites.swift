import ArgumentParser
import EvidenceDaemon
import EvidenceService
import EvidenceStore
import Foundation

/// `make bench`: the documents per second the store's serialised writes allow a whole deployment
/// (claim and save), with 1 to N writers (not for people: hidden). On a temporary SQLite file, or
/// with `--db` on the database named, which must hold no submissions (a database made for the
/// bench: the generated documents stay in it).
struct BenchWrites: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-writes", abstract: "Documents claimed and saved per second against the writers.", shouldDisplay: false)

    @Option(help: "Writer threads of each round, comma-separated.") var writers = "1,4,16"
    @Option(help: "Seconds each round lasts.") var seconds = 5.0
    @Option(help: "Documents queued before the first round (a season's backlog).") var queued = 30_000
    @OptionGroup var common: StoreOptions

    func validate() throws {
        guard !counts.isEmpty, counts.allSatisfy({ (1...256).contains($0) }) else {
            throw ValidationError("--writers must be counts from 1 to 256 separated by commas, got '\(writers)'")
        }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be from 0 to 600") }
        guard queued >= 1, queued <= 10_000_000 else { throw ValidationError("--queued must be from 1 to 10,000,000") }
    }

    private var counts: [Int] { writers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let store: Store, name: String
        if let bench = try common.benchStore(for: "bench-writes") {
            (store, name) = bench
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-bench-writes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            scratch = folder
            store = try Store(path: folder.appendingPathComponent("evidenced.sqlite").path)
            name = "SQLite file"
        }
        let rounds = try WriteCeilingBenchmark.rounds(on: store, writers: counts, seconds: seconds, documents: queued)
        print("Writes (\(name)): " + rounds.map {
            String(format: "%d writer%@ %.0f documents/s (%d empty claims)", $0.writers, $0.writers == 1 ? "" : "s",
                   $0.documentsPerSecond, $0.emptyClaims)
        }.joined(separator: ", ") + " (a claim and a save each, \(queued) queued at the start)")
    }
}
