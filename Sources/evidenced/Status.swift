import ArgumentParser
import EvidenceDaemon
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Backlog by state, recent throughput, failures and queue depth.")
    @ArgumentParser.Flag(help: "As one JSON object.") var json = false
    @Option(help: "Queue consumer whose depth is shown.") var consumer = "scoring"
    @OptionGroup var store: StoreOptions

    func run() throws {
        do {
            guard let database = try store.store(mustExist: true) else { throw fail("no store yet (nothing processed)") }
            let retrying = RetryBook.read(try store.stateDirectory().appendingPathComponent(RetryBook.fileName))
            let report = try StatusReport.make(store: database, consumer: consumer, retrying: retrying)
            print(json ? JSONLines.encode(report) : report.text)
        } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
    }
}
