import ArgumentParser

@main
struct Evidenced: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidenced",
        abstract: "Verify the evidence behind self-assessed index scores.")
}
