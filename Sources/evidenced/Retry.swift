import ArgumentParser
import EvidenceStore

struct Retry: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue a failed document (sha256 or its first 8+ digits) or submission again.")
    @Argument(help: "Submission id or document sha256.") var id: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        do {
            guard let database = try store.store(mustExist: true) else { throw fail("no store yet") }
            print("queued again: \(try database.retry(id: id))")
        } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
    }
}
