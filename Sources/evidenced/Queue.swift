import EvidenceModel
import ArgumentParser
import EvidenceDaemon
import EvidenceStore
import Foundation

struct Queue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The flag queue the scoring system and appraisers read (at-least-once delivery).",
        subcommands: [Pull.self, Ack.self, List.self])

    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Flags this consumer has not acked, oldest first.")
        @Option(help: "Who reads: each consumer acks on its own.") var consumer = "scoring"
        @Option(help: "At most this many flags.") var limit = 100
        @ArgumentParser.Flag(help: "One JSON object per flag.") var json = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                guard let database = try store.store(mustExist: true) else { return }
                FlagPrinter.print(try database.pull(consumer: consumer, limit: limit), json: json)
            } catch { throw fail("\(error)") }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge flags by id; they are not delivered again.")
        @Argument(help: "Flag ids.") var ids: [Int64]
        @Option var consumer = "scoring"
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                guard let database = try store.store(mustExist: true) else { throw fail("no store yet") }
                print("acked \(try database.ack(consumer: consumer, ids: ids))")
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Current flags (all consumers), optionally of one submission.")
        @Option(help: "Only this submission.") var submission: String?
        @ArgumentParser.Flag(help: "Include superseded flags.") var all = false
        @ArgumentParser.Flag(help: "One JSON object per flag.") var json = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                guard let database = try store.store(mustExist: true) else { return }
                FlagPrinter.print(try database.list(submission: submission, includeSuperseded: all), json: json)
            } catch { throw fail("\(error)") }
        }
    }
}

struct Flags: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Flags for appraisers.", subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Current flags as CSV for a spreadsheet (UTF-8 with BOM).")
        @ArgumentParser.Flag(help: "CSV (the only format).") var csv = false
        @Option(help: "Write to this file instead of standard output.") var output: String?
        @Option(help: "Only this submission.") var submission: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                let flags = try store.store(mustExist: true)?.list(submission: submission) ?? []
                let data = FlagCSV.data(flags)
                if let output { try data.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(data) }
            } catch { throw fail("\(error)") }
        }
    }
}

/// Flags as JSON Lines or as one readable line each.
enum FlagPrinter {
    static func print(_ flags: [QueuedFlag], json: Bool) {
        for queued in flags {
            if json { Swift.print(JSONLines.encode(queued)); continue }
            let flag = queued.flag
            let place = [flag.file, flag.page.map { "page \($0)" }].compactMap { $0 }.joined(separator: ", ")
            let withdrawn = queued.supersededAt == nil ? "" : " (superseded)"
            Swift.print("#\(queued.id) \(queued.submission) claim \(queued.claimIndex) \(queued.indicator): \(flag.reason.rawValue)\(withdrawn) \(flag.message)\(place.isEmpty ? "" : " [\(place)]")")
        }
    }
}
