import ArgumentParser
import EvidenceLoading
import EvidenceModel
import EvidenceService
import EvidenceStore
import EvidenceWeb
import Foundation

extension Users {
    /// `evidenced users import units.csv`: the secretariat's roster in one transaction.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register every unit of a roster CSV (code, name, level, parent body, contact) and give each its account.",
            discussion: """
                UTF-8 (with or without a byte-order mark), UTF-16 and Excel's Windows-1258 are read; commas, \
                semicolons or tabs. A roster with any bad row is refused whole, each bad row named by its line. \
                Importing again updates the units and creates no second account. The new accounts' one-time \
                passwords are printed, or written to --passwords (a new file, mode 0600).
                """)
        @Argument(help: "The roster (CSV).") var file: String
        @Option(help: "Write the one-time passwords here (CSV, mode 0600) instead of printing them.") var passwords: String?
        @ArgumentParser.Flag(help: "Read and check the roster; change nothing.") var dryRun = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw fail("cannot read \(file): \(error.localizedDescription)") }
            let entries: [UnitRosterEntry]
            switch UnitRoster.read(data) {
            case .success(let read): entries = read
            case .failure(let error): throw refused(error)
            }
            if dryRun {
                print("\(entries.count) units read; nothing imported (--dry-run)")
                return
            }
            do {
                guard let database = try store.store(mustExist: false) else { throw fail("no store") }
                // The file is opened before the import: a password file that cannot be written stops it.
                let sheet = try passwords.map(PasswordFile.create)
                let (outcome, secrets) = try UnitImport(store: database).run(entries)
                let csv = UnitPasswordsCSV.data(outcome.newAccounts, passwords: secrets)
                if let sheet {
                    try sheet.write(contentsOf: csv)
                    try sheet.close()
                } else {
                    for entry in outcome.newAccounts {
                        print([entry.unit.code, entry.accountName, secrets[entry.unit.code] ?? ""].joined(separator: "\t"))
                    }
                }
                print("units: \(outcome.newUnits.count) new, \(outcome.updatedUnits.count) updated, \(outcome.unchangedUnits.count) unchanged; "
                      + "accounts: \(outcome.newAccounts.count) new" + (passwords.map { ", passwords in \($0)" } ?? ""))
            } catch let exit as ExitCode { throw exit } catch let error as UnitRosterError { throw refused(error) } catch { throw fail("\(error)") }
        }

        private func refused(_ error: UnitRosterError) -> ExitCode {
            FileHandle.standardError.write(Data("evidenced: \(file) refused, nothing imported:\n\(error.description)\n".utf8))
            return ExitCode(1)
        }
    }
}

/// A new file only its owner reads (0600 from its creation, never briefly wider): it holds passwords.
enum PasswordFile {
    static func create(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw fail("cannot create \(path): \(String(cString: strerror(errno))) (it must not exist yet)")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
