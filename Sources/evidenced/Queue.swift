import EvidenceModel
import ArgumentParser
import EvidenceDaemon
import EvidenceService
import EvidenceStore
import Foundation

struct Queue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The flag queue the scoring system and appraisers read (at-least-once delivery).",
        subcommands: [Pull.self, Ack.self, List.self])

    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Events this consumer has not acked: flags (new or withdrawn) oldest first, then appraisers' decisions, then changed accepted totals.")
        @Option(help: "Who reads: each consumer acks on its own.") var consumer = "scoring"
        @Option(help: "At most this many events.") var limit = 100
        @Option(help: "Which events, comma-separated: flag, decision, score (default all).") var events = "flag,decision,score"
        @ArgumentParser.Flag(help: "One JSON object per event (\"event\": \"flag\" | \"decision\").") var json = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                var kinds: Set<QueueEvent.Kind> = []
                for name in events.split(separator: ",") {
                    guard let kind = QueueEvent.Kind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                        throw fail("--events: '\(name)' is not an event kind (flag, decision, score)")
                    }
                    kinds.insert(kind)
                }
                guard let database = try store.store(mustExist: true) else { return }
                EventPrinter.print(try database.pullEvents(consumer: consumer, limit: limit, kinds: kinds), json: json)
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge events by id; they are not delivered again.")
        @Argument(help: "Flag ids (17), decision ids (d5) and score event ids (s3).") var ids: [String]
        @Option var consumer = "scoring"
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                let acks: QueueAcks
                switch QueueAcks.parse(ids) {
                case .success(let parsed): acks = parsed
                case .failure(let error): throw fail("\(error)")
                }
                guard let database = try store.store(mustExist: true) else { throw fail("no store yet") }
                print("acked \(try database.ack(consumer: consumer, acks))")
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
        static let configuration = CommandConfiguration(
            abstract: "Current flags with their appraisers' decisions as CSV for a spreadsheet (UTF-8 with BOM).")
        @ArgumentParser.Flag(help: "CSV (the only format).") var csv = false
        @Option(help: "Write to this file instead of standard output.") var output: String?
        @Option(help: "Only this submission.") var submission: String?
        @ArgumentParser.Flag(help: "Every version of every decision, one row each (default: the current decision only).")
        var trail = false
        @ArgumentParser.Flag(help: "Include superseded flags.") var all = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                let database = try store.store(mustExist: true)
                let flags = try database?.list(submission: submission, includeSuperseded: all) ?? []
                let decisions = Dictionary(grouping: try database?.allDecisions() ?? [], by: \.flagId)
                let data = FlagCSV.data(flags, decisions: decisions, trail: trail)
                if let output { try data.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(data) }
            } catch { throw fail("\(error)") }
        }
    }
}

/// Queue events as JSON Lines (a flag's object as `queue list` prints it plus `"event": "flag"`; a
/// decision as `{"event": "decision", "ack": "d5", "flagId", "decision", "flag"}`) or one line each.
enum EventPrinter {
    static func print(_ events: [QueueEvent], json: Bool) {
        for event in events {
            switch event {
            case .flag(let queued):
                if json { Swift.print(JSONLines.encode(FlagEventLine(flag: queued))) } else { FlagPrinter.print([queued], json: false) }
            case .score(let score):
                if json { Swift.print(JSONLines.encode(ScoreEventLine(score: score))); continue }
                Swift.print("s\(score.id) score of \(score.unitCode) \(score.submission): accepted \(FlagCSV.number(score.accepted)) of \(FlagCSV.number(score.claimed)) claimed"
                            + (score.decisionId.map { " (decision d\($0))" } ?? " (re-check)"))
            case .decision(let decision):
                if json { Swift.print(JSONLines.encode(DecisionEventLine(event: decision))); continue }
                let d = decision.decision, f = decision.flag
                let detail = [d.supportedScore.map { "supported score \(FlagCSV.number($0))" }, d.answer.map { "answer: \($0)" },
                              d.comment].compactMap { $0 }.joined(separator: "; ")
                Swift.print("d\(d.id) decision on #\(f.id) \(f.submission) claim \(f.claimIndex) \(f.indicator) \(f.flag.reason.rawValue): \(d.action.rawValue) by \(d.decidedBy)\(detail.isEmpty ? "" : " (\(detail))")")
            }
        }
    }
}

/// A score event: `{"event": "score", "ack": "s3", "score": {...}}`, as the API delivers it.
struct ScoreEventLine: Encodable {
    var event = "score"
    var ack: String
    var score: ScoreEvent
    init(score: ScoreEvent) { self.ack = "s\(score.id)"; self.score = score }
}

/// A flag event: the flag's own keys, unchanged, and `"event": "flag"`.
struct FlagEventLine: Encodable {
    var flag: QueuedFlag
    private enum CodingKeys: String, CodingKey { case event }
    func encode(to encoder: any Encoder) throws {
        try flag.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("flag", forKey: .event)
    }
}

struct DecisionEventLine: Encodable {
    var event: DecisionEvent
    private enum CodingKeys: String, CodingKey { case event, ack, flagId, decision, flag }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("decision", forKey: .event)
        try container.encode("d\(event.decision.id)", forKey: .ack)
        try container.encode(event.flagId, forKey: .flagId)
        try container.encode(event.decision, forKey: .decision)
        try container.encode(event.flag, forKey: .flag)
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
