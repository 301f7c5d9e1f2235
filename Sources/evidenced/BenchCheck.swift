import EvidenceLoading
import ArgumentParser
import EvidenceDaemon
import EvidenceService
import EvidenceStore
import Foundation

/// `make bench`: the check time per submission with a small and a large store (not for people: hidden).
/// In memory on SQLite, or with `--db` on the database named, which must be empty (a PostgreSQL
/// database made for the bench: the generated submissions stay in it).
struct BenchCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-check", abstract: "Check time per submission against the store's size.", shouldDisplay: false)

    @Option(help: "Submissions stored before the small round.") var small = 100
    @Option(help: "Submissions stored before the large round.") var large = 100_000
    @Option(help: "Submissions checked in each round.") var checks = 200
    @Option(help: "Framework id in the models.") var framework = "thanhhoa-dti-district-2021"
    @Option(help: "Indicator claimed.") var indicator = "2.1.2"
    @OptionGroup var common: StoreOptions

    func validate() throws {
        guard small >= CheckCostBenchmark.warmUpChecks, checks > 0, large >= small + checks + CheckCostBenchmark.warmUpChecks else {
            throw ValidationError("--small must be at least \(CheckCostBenchmark.warmUpChecks) and --large at least --small plus --checks plus that")
        }
    }

    func run() throws {
        let catalog = try common.catalog()
        guard let framework = catalog[framework] else { throw ValidationError("unknown framework '\(self.framework)'") }
        let (store, name) = try common.benchStore(for: "bench-check") ?? (try Store.inMemory(), "SQLite in memory")
        let rounds = try CheckCostBenchmark.rounds(on: store, sizes: [small, large], checks: checks, framework: framework, indicator: indicator)
        let (few, many) = (rounds[0], rounds[1])
        print("Check (\(name)): " + String(format: "%.2f ms per submission with %d stored, %.2f ms with %d stored: ratio %.2f (target <= 1.5); %d loaded in %.0f s",
                     few.secondsPerCheck * 1000, few.stored, many.secondsPerCheck * 1000, many.stored,
                     many.secondsPerCheck / few.secondsPerCheck, many.stored, few.loadSeconds + many.loadSeconds))
    }
}
