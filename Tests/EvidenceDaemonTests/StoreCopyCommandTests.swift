import EvidenceModel
import EvidenceStore
import EvidenceStoreTesting
import Foundation
import Testing

/// `evidenced store copy` and `store verify` as an operator runs them: an SQLite store into a
/// PostgreSQL database (the password from the environment, never on the command line), and the
/// exit statuses: 0 verified, 1 a table differs (named), 2 refused with one line.
@Suite struct StoreCopyCommandTests {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    static func evidenced(_ arguments: [String], password: String) throws -> Outcome {
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["EVIDENCED_DATABASE_PASSWORD"] = password
        environment["EVIDENCED_CONFIG"] = nil
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Drained before waiting: a full pipe would stall the child.
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        let outputText = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outputText, as: UTF8.self),
                       errors: String(decoding: errorText, as: UTF8.self))
    }

    @Test func copyThenRefuseThenVerifyATamperedTarget() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = folder.appendingPathComponent("evidenced.sqlite").path
        do {
            let store = try Store(path: sqlite)
            let unit = Submission.Unit(code: "H-BATO", name: "ỦY BAN NHÂN DÂN HUYỆN BA TƠ", level: .district)
            try store.addUser(UserAccount(name: "bato", role: .unit, unitCode: unit.code), passwordHash: "$2b$12$h", unit: unit)
            try store.addUser(UserAccount(name: "scoring", role: .consumer), passwordHash: nil)
            try store.addToken(hash: String(repeating: "a", count: 64), for: "scoring")
        }
        let cluster = try TestPostgres.shared()
        let database = try cluster.makeDatabase()
        let target = "postgres://\(cluster.user)@127.0.0.1:\(cluster.port)/\(database.database)"
        let copy = ["store", "copy", "--from", "sqlite://" + sqlite, "--to", target]

        let copied = try Self.evidenced(copy, password: cluster.password)
        #expect(copied.status == 0, "\(copied.errors)")
        #expect(copied.output.contains("users") && copied.output.contains("same") && !copied.output.contains("DIFFERS"))
        #expect(copied.output.contains("copied 4 rows"))
        #expect(!copied.output.contains(cluster.password) && !copied.errors.contains(cluster.password))

        let again = try Self.evidenced(copy, password: cluster.password)
        #expect(again.status == 2)
        #expect(again.errors == "evidenced: the target \(target) is not empty (units holds rows): store copy writes only into an empty database\n")

        let verified = try Self.evidenced(["store", "verify", "--from", sqlite, "--to", target], password: cluster.password)
        #expect(verified.status == 0, "\(verified.errors)")
        try Store(postgres: database).disableUser(named: "bato")
        let tampered = try Self.evidenced(["store", "verify", "--from", sqlite, "--to", target], password: cluster.password)
        #expect(tampered.status == 1)
        #expect(tampered.errors == "evidenced: verify: users differs between the two stores\n")

        let unreachable = try Self.evidenced(["store", "copy", "--from", sqlite, "--to",
                                              "postgres://evidenced@127.0.0.1:\(try TestPostgres.closedPort())/evidenced"],
                                             password: cluster.password)
        #expect(unreachable.status == 2)
        #expect(unreachable.errors.hasPrefix("evidenced: cannot connect to postgres://evidenced@127.0.0.1:"))
        #expect(unreachable.errors.split(separator: "\n").count == 1)
    }
}
