#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import EvidenceDaemon
import Foundation
import Testing
import EvidenceService

/// Runs a tool to completion; output goes through files so a chatty tool cannot fill a pipe and hang.
struct ToolRun {
    var status: Int32
    var output: String
    var errors: String

    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> ToolRun {
        let scratch = try TestPaths.temporaryFolder()
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus,
                       output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                       errors: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

enum SystemdFiles {
    static let directory = TestPaths.root.appendingPathComponent("systemd")
    static let unit = directory.appendingPathComponent("evidenced.service")
    /// The web service's unit (`evidenced serve`): the daemon's hardening with the network it needs.
    static let webUnit = directory.appendingPathComponent("evidenced-web.service")
    /// A node of several machines, one per role (`evidenced@extract`): the daemon's unit with the
    /// network the database needs.
    static let nodeUnit = directory.appendingPathComponent("evidenced@.service")
    static let analyze = ToolRun.locate("systemd-analyze")
    static let isRoot = getuid() == 0

    /// `Key=Value` lines of the unit, in order (a key may repeat).
    static func settings(of file: URL = unit) throws -> [(key: String, value: String)] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }
    }

    static func values(_ key: String, of file: URL = unit) throws -> [String] { try settings(of: file).filter { $0.key == key }.map(\.value) }

    /// Hardening settings of the daemon's unit that `file` lacks or sets otherwise, besides the
    /// network and what each unit says of itself (`besides`); empty when it is as hardened.
    static func differencesFromTheDaemon(of file: URL, besides own: Set<String>) throws -> [String] {
        let skipped = own.union(["PrivateNetwork", "IPAddressDeny", "IPAddressAllow", "RestrictAddressFamilies",
                                 "Description", "Documentation", "After", "Wants", "ExecStart"])
        let daemon = Dictionary(grouping: try settings(), by: \.key).mapValues { $0.map(\.value) }
        let other = Dictionary(grouping: try settings(of: file), by: \.key).mapValues { $0.map(\.value) }
        return daemon.filter { !skipped.contains($0.key) && other[$0.key] != $0.value }
            .map { "\($0.key): daemon \($0.value), \(file.lastPathComponent) \(other[$0.key] ?? [])" }.sorted()
    }

    /// A copy of the unit named `name` whose ExecStart is /bin/true: the binary is not installed
    /// where the tests run, so anything `verify` then prints is a real complaint.
    static func verifiableCopy(of file: URL, named name: String) throws -> URL {
        let copy = try TestPaths.temporaryFolder().appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "ExecStart=/usr/local/bin/evidenced", with: "ExecStart=/bin/true")
        try Data(text.utf8).write(to: copy)
        return copy
    }

    /// What `systemd-analyze verify` says of the unit file (empty: clean); checks every directive offline.
    static func verify(_ file: URL) throws -> [String] {
        let run = try ToolRun.run(try #require(analyze), ["verify", "--man=no", file.path],
                                  environment: ["SYSTEMD_COLORS": "0", "PATH": "/usr/bin:/bin"])
        let complaints = (run.output + run.errors).split(separator: "\n").map(String.init).filter { $0.contains(file.lastPathComponent) }
        return run.status == 0 ? complaints : complaints + ["exit status \(run.status): \(run.output)\(run.errors)"]
    }

    /// `systemd-analyze security`'s overall exposure of a unit file, with the line it was read from.
    static func exposure(of file: URL) throws -> (Double, String) {
        let analyze = try #require(analyze)
        let run = try ToolRun.run(analyze, ["security", "--offline=true", "--no-pager", file.path],
                                  environment: ["SYSTEMD_COLORS": "0", "PATH": "/usr/bin:/bin"])
        let text = run.output + run.errors
        let line = try #require(text.split(separator: "\n").first { $0.contains("Overall exposure level") },
                                "no exposure line in:\n\(text)")
        // "→ Overall exposure level for evidenced.service: 0.5 SAFE 😀"
        let figure = try #require(line.range(of: file.lastPathComponent + ":").flatMap { marker in
            line[marker.upperBound...].split(separator: " ").first.flatMap { Double($0) }
        }, "unparsable: \(line)")
        return (figure, text)
    }
}

@Suite struct SystemdUnitTests {
    @Test(.enabled(if: SystemdFiles.analyze != nil, "systemd-analyze is not installed: apt-get install systemd (make deps does)"))
    func securityExposureIsAtMostTwo() throws {
        let (figure, text) = try SystemdFiles.exposure(of: SystemdFiles.unit)
        print("systemd-analyze security evidenced.service: \(figure)")
        #expect(figure <= 2.0, "\(text)")
    }

    /// The web service needs the network (TCP for web.listen); everything else is as hardened as
    /// the daemon's unit, and the whole stays at most 2.5.
    @Test(.enabled(if: SystemdFiles.analyze != nil, "systemd-analyze is not installed: apt-get install systemd (make deps does)"))
    func webUnitExposureIsAtMostTwoAndAHalf() throws {
        let (figure, text) = try SystemdFiles.exposure(of: SystemdFiles.webUnit)
        print("systemd-analyze security evidenced-web.service: \(figure)")
        #expect(figure <= 2.5, "\(text)")
    }

    @Test func webUnitServesTheStoreWithTheNetworkOnly() throws {
        let web = SystemdFiles.webUnit
        #expect(try SystemdFiles.values("ExecStart", of: web) == ["/usr/local/bin/evidenced serve --config \(Configuration.defaultPath)"])
        #expect(try SystemdFiles.values("User", of: web) == ["evidenced"], "the daemon's user: uploads land in its inbox")
        #expect(try SystemdFiles.values("ReadWritePaths", of: web) == [Configuration.defaultDataDirectory])
        #expect(Set(try SystemdFiles.values("RestrictAddressFamilies", of: web).flatMap { $0.split(separator: " ").map(String.init) })
                == ["AF_INET", "AF_INET6", "AF_UNIX"])
        #expect(try SystemdFiles.values("PrivateNetwork", of: web).isEmpty)
        let own: Set<String> = ["Type", "NotifyAccess", "TimeoutStopSec", "Environment"]
        #expect(try SystemdFiles.differencesFromTheDaemon(of: web, besides: own).isEmpty)
    }

    /// The node unit is the daemon's but for its role and the database's network (TCP, every
    /// address denied but those a drop-in allows).
    @Test func nodeUnitIsTheDaemonsWithTheDatabaseNetwork() throws {
        let node = SystemdFiles.nodeUnit
        #expect(try SystemdFiles.values("ExecStart", of: node) == ["/usr/local/bin/evidenced run --role %i --config \(Configuration.defaultPath)"])
        #expect(Set(try SystemdFiles.values("RestrictAddressFamilies", of: node).flatMap { $0.split(separator: " ").map(String.init) })
                == ["AF_INET", "AF_INET6", "AF_UNIX"])
        #expect(try SystemdFiles.values("PrivateNetwork", of: node).isEmpty)
        #expect(try SystemdFiles.values("IPAddressDeny", of: node) == ["any"])
        #expect(try SystemdFiles.values("Conflicts", of: node) == ["evidenced.service"])
        #expect(try SystemdFiles.differencesFromTheDaemon(of: node, besides: ["Conflicts"]).isEmpty)
    }

    @Test(.enabled(if: SystemdFiles.analyze != nil, "systemd-analyze is not installed: apt-get install systemd (make deps does)"))
    func nodeUnitExposureIsAtMostTwoAndAHalfAndVerifiesClean() throws {
        // An instance of the template, as systemd reads it: evidenced@extract.service.
        let instance = try SystemdFiles.verifiableCopy(of: SystemdFiles.nodeUnit, named: "evidenced@extract.service")
        let (figure, text) = try SystemdFiles.exposure(of: instance)
        print("systemd-analyze security evidenced@extract.service: \(figure)")
        #expect(figure <= 2.5, "\(text)")
        let complaints = try SystemdFiles.verify(instance)
        #expect(complaints.isEmpty, "\(complaints)")
    }

    @Test(.enabled(if: SystemdFiles.analyze != nil, "systemd-analyze is not installed: apt-get install systemd (make deps does)"))
    func webUnitVerifiesClean() throws {
        let complaints = try SystemdFiles.verify(try SystemdFiles.verifiableCopy(of: SystemdFiles.webUnit, named: "evidenced-web.service"))
        #expect(complaints.isEmpty, "\(complaints)")
    }

    /// `verify` checks every directive offline. The binary is not installed where the tests run, so the
    /// copy verified points ExecStart at /bin/true; anything it then prints is a real complaint.
    @Test(.enabled(if: SystemdFiles.analyze != nil, "systemd-analyze is not installed: apt-get install systemd (make deps does)"))
    func unitVerifiesClean() throws {
        let complaints = try SystemdFiles.verify(try SystemdFiles.verifiableCopy(of: SystemdFiles.unit, named: "evidenced.service"))
        #expect(complaints.isEmpty, "\(complaints)")
    }

    @Test func unitRunsTheDaemonAsItsOwnUser() throws {
        #expect(try SystemdFiles.values("ExecStart") == ["/usr/local/bin/evidenced run --config \(Configuration.defaultPath)"])
        #expect(try SystemdFiles.values("Type") == ["notify"])
        #expect(try SystemdFiles.values("Restart") == ["on-failure"])
        #expect(try SystemdFiles.values("User") == ["evidenced"])
        #expect(try SystemdFiles.values("DynamicUser") == ["no"])
        #expect(try SystemdFiles.values("Environment").contains("OMP_THREAD_LIMIT=1"))
        #expect(try SystemdFiles.values("UMask") == ["0077"])
        let readWrite = try SystemdFiles.values("ReadWritePaths").flatMap { $0.split(separator: " ").map(String.init) }
        #expect(readWrite.contains(Configuration.defaultDataDirectory))
        #expect(Configuration.defaultInbox.hasPrefix(Configuration.defaultDataDirectory + "/"))
        #expect(Configuration.defaults.databasePath.hasPrefix(Configuration.defaultDataDirectory + "/"))
    }

    @Test func stopTimeoutLeavesRoomForTheShutdownGrace() throws {
        let timeout = try #require(try SystemdFiles.values("TimeoutStopSec").first.flatMap { Double($0) })
        #expect(timeout == Configuration.unitStopTimeoutSeconds)
        #expect(Configuration.defaults.shutdownGraceSeconds < timeout)
        // The largest grace the configuration accepts still ends before systemd's SIGKILL.
        var config = Configuration.defaults
        config.shutdownGraceSeconds = timeout
        #expect(throws: ConfigurationError.self) { try config.validated() }
    }

    /// Workers call setrlimit (via prlimit64) and prctl(PR_SET_PDEATHSIG); the filter must let them.
    @Test func systemCallFilterKeepsWhatWorkersNeed() throws {
        let filters = try SystemdFiles.values("SystemCallFilter")
        #expect(filters.first == "@system-service", "an allow list first")
        let denied = filters.filter { $0.hasPrefix("~") }.flatMap { $0.dropFirst().split(separator: " ").map(String.init) }
        for needed in ["@resources", "setrlimit", "prlimit64", "@process", "prctl", "@signal", "@file-system", "@io-event"] {
            #expect(!denied.contains(needed), "\(needed) is denied")
        }
        #expect(try SystemdFiles.values("SystemCallErrorNumber") == ["EPERM"], "a denied call fails, it does not kill")
        #expect(try SystemdFiles.values("RestrictAddressFamilies") == ["AF_UNIX"], "sd_notify needs AF_UNIX")
    }

    @Test(.enabled(if: SystemdFiles.isRoot && ToolRun.locate("systemd-sysusers") != nil && ToolRun.locate("systemd-tmpfiles") != nil,
                   "needs root and systemd-sysusers/systemd-tmpfiles"))
    func sysusersAndTmpfilesCreateUserAndDirectories() throws {
        let root = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("etc"), withIntermediateDirectories: true)
        let sysusers = try ToolRun.run(try #require(ToolRun.locate("systemd-sysusers")),
                                       ["--root=\(root.path)", SystemdFiles.directory.appendingPathComponent("evidenced.sysusers.conf").path])
        #expect(sysusers.status == 0, "\(sysusers.errors)")
        let passwd = try String(contentsOf: root.appendingPathComponent("etc/passwd"), encoding: .utf8)
        let entry = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("evidenced:") })
        let fields = entry.split(separator: ":", omittingEmptySubsequences: false)
        #expect(fields.count == 7 && fields[5] == "/var/lib/evidenced" && fields[6] == "/usr/sbin/nologin")
        let uid = try #require(fields.count > 2 ? Int(fields[2]) : nil)
        #expect(uid > 0 && uid < 1000, "a system user")

        let tmpfiles = try ToolRun.run(try #require(ToolRun.locate("systemd-tmpfiles")),
                                       ["--root=\(root.path)", "--create", SystemdFiles.directory.appendingPathComponent("evidenced.tmpfiles.conf").path])
        #expect(tmpfiles.status == 0, "\(tmpfiles.errors)")
        for (path, mode) in [("var/lib/evidenced", 0o750), ("var/lib/evidenced/inbox", 0o2770)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            #expect((attributes[.ownerAccountID] as? NSNumber)?.intValue == uid, "\(path) owned by evidenced")
            var info = stat()
            #expect(stat(root.appendingPathComponent(path).path, &info) == 0)
            #expect(Int(info.st_mode) & 0o7777 == mode, "\(path) mode \(String(Int(info.st_mode) & 0o7777, radix: 8))")
        }
    }

    @Test(.enabled(if: ToolRun.locate("make") != nil, "make is not installed"))
    func makeInstallIsIdempotentAndKeepsTheConfiguration() throws {
        let stage = try TestPaths.temporaryFolder()
        let make = try #require(ToolRun.locate("make"))
        let arguments = ["--no-print-directory", "install", "DESTDIR=\(stage.path)", "EVIDENCED_BIN=/bin/true"]
        let first = try ToolRun.run(make, arguments, in: TestPaths.root)
        #expect(first.status == 0, "\(first.output)\(first.errors)")
        let config = stage.appendingPathComponent("etc/evidenced/evidenced.toml")
        for path in ["usr/local/bin/evidenced", "etc/systemd/system/evidenced.service", "etc/systemd/system/evidenced-web.service",
                     "usr/lib/sysusers.d/evidenced.conf",
                     "usr/lib/tmpfiles.d/evidenced.conf", "etc/evidenced/evidenced.toml", "usr/share/evidenced/models"] {
            #expect(FileManager.default.fileExists(atPath: stage.appendingPathComponent(path).path), "\(path) not installed")
        }
        #expect(FileManager.default.isExecutableFile(atPath: stage.appendingPathComponent("usr/local/bin/evidenced").path))
        let installedUnit = try Data(contentsOf: stage.appendingPathComponent("etc/systemd/system/evidenced.service"))
        #expect(installedUnit == (try Data(contentsOf: SystemdFiles.unit)), "default prefix: the unit as shipped")
        #expect(try Data(contentsOf: stage.appendingPathComponent("etc/systemd/system/evidenced-web.service"))
                == (try Data(contentsOf: SystemdFiles.webUnit)))

        try Data("workers = 1\n".utf8).write(to: config)
        let second = try ToolRun.run(make, arguments, in: TestPaths.root)
        #expect(second.status == 0, "\(second.output)\(second.errors)")
        #expect(try String(contentsOf: config, encoding: .utf8) == "workers = 1\n", "an existing configuration is kept")
        #expect(second.output.contains("kept existing"))

        let other = try TestPaths.temporaryFolder()
        let prefixed = try ToolRun.run(make, ["--no-print-directory", "install", "DESTDIR=\(other.path)", "PREFIX=/usr",
                                              "UNITDIR=/lib/systemd/system", "EVIDENCED_BIN=/bin/true"], in: TestPaths.root)
        #expect(prefixed.status == 0, "\(prefixed.errors)")
        let unit = try String(contentsOf: other.appendingPathComponent("lib/systemd/system/evidenced.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/evidenced run --config /etc/evidenced/evidenced.toml"))
        let web = try String(contentsOf: other.appendingPathComponent("lib/systemd/system/evidenced-web.service"), encoding: .utf8)
        #expect(web.contains("ExecStart=/usr/bin/evidenced serve --config /etc/evidenced/evidenced.toml"))
        #expect(FileManager.default.fileExists(atPath: other.appendingPathComponent("usr/bin/evidenced").path))
    }
}

/// The sd_notify sender against a socket standing in for systemd's.
@Suite struct SystemdNotifierTests {
    @Test func sendsReadyStatusAndStopping() throws {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("notify").path
        let listener = try NotifyListener(path: path)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(notifier.isEnabled)

        #expect(notifier.ready(status: "watching /srv/inbox\nignored second line"))
        #expect(listener.receive() == "READY=1\nSTATUS=watching /srv/inbox")
        #expect(notifier.status("3 documents queued"))
        #expect(listener.receive() == "STATUS=3 documents queued")
        #expect(notifier.stopping())
        #expect(listener.receive() == "STOPPING=1")
    }

    @Test func reachesAbstractSockets() throws {
        let name = "@evidenced-test-\(UUID().uuidString)"
        let listener = try NotifyListener(path: name)
        #expect(SystemdNotifier(socketPath: name).ready())
        #expect(listener.receive() == "READY=1")
    }

    @Test func doesNothingWithoutSystemd() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(!notifier.ready())
        #expect(!SystemdNotifier(socketPath: "").isEnabled)
        // A socket that is not there: the daemon must go on, the send just fails.
        #expect(!SystemdNotifier(socketPath: "/nonexistent/notify").ready())
    }
}
