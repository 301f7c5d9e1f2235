import ArgumentParser
import EvidenceExtraction

@main
enum EntryPoint {
    static func main() async {
        // Before any tesseract work: OpenMP reads its thread limit only at load time.
        OpenMPThreads.reexecSingleThreadedIfNeeded()
        await Evidenced.main()
    }
}

struct Evidenced: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidenced",
        abstract: "Verify the evidence behind self-assessed index scores (DTI, PAR Index).",
        subcommands: [Extract.self, Check.self, Run.self, Serve.self, Users.self, StoreCommand.self, Status.self, Retry.self, Queue.self, Flags.self, Indicators.self, Worker.self, BenchParse.self, BenchCheck.self, BenchSignatures.self, BenchWrites.self, Reparse.self, ReadFigures.self])
}
