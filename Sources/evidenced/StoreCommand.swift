import ArgumentParser
import EvidenceService
import EvidenceStore
import Foundation

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Move the store to another database (SQLite to PostgreSQL, or back) and compare two stores.",
        subcommands: [Copy.self, Verify.self])

    /// The two stores: URLs as `store.url` takes them; a PostgreSQL password from the URL, else
    /// EVIDENCED_DATABASE_PASSWORD, else the configuration's store.password_file.
    struct Locations: ParsableArguments {
        @Option(help: "The store to read: an SQLite path, sqlite:///path or postgres://user@host/database.") var from: String
        @Option(help: "The other store (for copy: an empty database, created and migrated if needed).") var to: String
        @Option(help: "Configuration file, for store.password_file (default: /etc/evidenced/evidenced.toml when present).") var config: String?

        func resolve() throws -> (from: StoreLocation, to: StoreLocation) {
            let configuration = try Configuration.load(path: config, environment: ProcessInfo.processInfo.environment)
            let locations = (from: try configuration.storeLocation(url: from), to: try configuration.storeLocation(url: to))
            guard locations.from != locations.to else { throw fail("--from and --to name the same store") }
            return locations
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every table of a store into an empty database (ids, decisions and their trail, accounts, acks), then verify it.",
            discussion: """
                Stop the daemon and the web service first: the copy reads one snapshot of the source, and \
                what they write after it stays behind. The target is migrated and must be empty; it is \
                written in one transaction (all or nothing). Afterwards each table's rows and a sha256 over \
                them are compared on both sides. Exit status 0: the copy is verified; 1: a table differs \
                (named); 2: refused or failed (nothing was written).
                """)
        @OptionGroup var locations: Locations

        func run() throws {
            do {
                let (from, to) = try locations.resolve()
                let report = try StoreCopier.copy(from: from, to: to) { line in
                    FileHandle.standardError.write(Data("store copy: \(line)\n".utf8))
                }
                print(report.comparison.rendered)
                print(String(format: "copied %d rows from %@ to %@ in %.1f s (%.0f rows/s), read back in %.1f s",
                             report.comparison.sourceRows, from.description, to.description, report.copySeconds,
                             report.rowsPerSecond, report.verifySeconds))
                try StoreCommand.exit(on: report.comparison)
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two stores table by table (rows and a sha256 over them); neither is changed.",
            discussion: "Exit status 0: every table is the same; 1: a table differs (named); 2: cannot compare.")
        @OptionGroup var locations: Locations

        func run() throws {
            do {
                let (from, to) = try locations.resolve()
                let comparison = try StoreCopier.verify(from: from, to: to)
                print(comparison.rendered)
                try StoreCommand.exit(on: comparison)
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }

    /// Exit status 1 naming the tables that differ.
    static func exit(on comparison: StoreComparison) throws {
        let differing = comparison.mismatched
        guard differing.isEmpty else {
            FileHandle.standardError.write(Data("evidenced: verify: \(differing.joined(separator: ", ")) \(differing.count == 1 ? "differs" : "differ") between the two stores\n".utf8))
            throw ExitCode(1)
        }
    }
}
