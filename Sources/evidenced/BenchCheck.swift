import EvidenceLoading
import ArgumentParser
import EvidenceDaemon
import Foundation

/// `make bench`: the check time per submission with a small and a large store (not for people: hidden).
struct BenchCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-check", abstract: "Check time per submission against the store's size.", shouldDisplay: false)

    @Option(help: "Submissions stored before the small round.") var small = 100
    @Option(help: "Submissions stored before the large round.") var large = 100_000
    @Option(help: "Submissions checked in each round.") var checks = 200
    @Option(help: "Framework id in the models.") var framework = "thanhhoa-dti-district-2021"
    @Option(help: "Indicator claimed.") var indicator = "2.1.2"
    @OptionGroup var common: StoreOptions

    func run() throws {
        let catalog = try common.catalog()
        guard let framework = catalog[framework] else { throw ValidationError("unknown framework '\(self.framework)'") }
        let few = try CheckCostBenchmark.secondsPerCheck(stored: small, checks: checks, framework: framework, indicator: indicator)
        let many = try CheckCostBenchmark.secondsPerCheck(stored: large, checks: checks, framework: framework, indicator: indicator)
        print(String(format: "Check: %.2f ms per submission with %d stored, %.2f ms with %d stored: ratio %.2f (target <= 1.5)",
                     few * 1000, small, many * 1000, large, many / few))
    }
}
