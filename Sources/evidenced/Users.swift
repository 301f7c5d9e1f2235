import ArgumentParser
import EvidenceLoading
import EvidenceModel
import EvidenceService
import EvidenceStore
import EvidenceWeb
import Foundation

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Accounts of the web service: add, list, disable, new API token.",
        subcommands: [Add.self, Import.self, List.self, Disable.self, Token.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print its one-time password (people) or API token (consumer).")
        @Argument(help: "User name (letters, digits, . _ - @).") var name: String
        @Option(help: "unit, appraiser, consumer, admin or metrics (a Prometheus scraper's token).") var role: String
        @Option(help: "The unit's code (role unit).") var unit: String?
        @Option(help: "The unit's name as its documents print it, the first time a unit is named.") var unitName: String?
        @Option(help: "The unit's level (province, department, district, commune), the first time.") var level: String?
        @Option(parsing: .upToNextOption, help: "An appraiser's frameworks (default: all).") var frameworks: [String] = []
        @Option(parsing: .upToNextOption, help: "An appraiser's units (default: all).") var units: [String] = []
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard UserRole(rawValue: role) != nil else { throw ValidationError("--role must be unit, appraiser, consumer, admin or metrics") }
            if let level, Submission.Level(rawValue: level) == nil {
                throw ValidationError("--level must be province, department, district or commune")
            }
            if (unitName == nil) != (level == nil) { throw ValidationError("give --unit-name and --level together") }
        }

        func run() throws {
            let role = UserRole(rawValue: role)!
            do {
                guard let database = try store.store(mustExist: false) else { throw fail("no store") }
                let registered = try unitName.map { name in
                    guard let unit else { throw AccountError.unitRequired }
                    return Submission.Unit(code: unit, name: name, level: Submission.Level(rawValue: level!)!)
                }
                let account = UserAccount(name: name, role: role, unitCode: unit,
                                          frameworks: frameworks.isEmpty ? nil : frameworks, unitCodes: units.isEmpty ? nil : units)
                let secret = try Accounts(store: database).add(account, unit: registered)
                print(role == .consumer || role == .metrics ? "API token (shown once): \(secret)" : "password (shown once): \(secret)")
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every account: name, role, unit, state.")
        @OptionGroup var store: StoreOptions
        func run() throws {
            do {
                guard let database = try store.store(mustExist: true) else { throw fail("no store yet") }
                for user in try database.users() {
                    let scope = [user.unitCode, user.frameworks?.joined(separator: ","), user.unitCodes?.joined(separator: ",")]
                        .compactMap { $0 }.joined(separator: " ")
                    print([user.name, user.role.rawValue, scope.isEmpty ? "-" : scope, user.disabled ? "disabled" : "active"]
                        .joined(separator: "\t"))
                }
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: its sessions and tokens end at once.")
        @Argument var name: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            do {
                guard let database = try store.store(mustExist: true) else { throw fail("no store yet") }
                try database.disableUser(named: name)
                print("disabled: \(name)")
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a new API token for an account (printed once).")
        @Argument var name: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            do {
                guard let database = try store.store(mustExist: true) else { throw fail("no store yet") }
                print(try Accounts(store: database).issueToken(for: name))
            } catch let exit as ExitCode { throw exit } catch { throw fail("\(error)") }
        }
    }
}
