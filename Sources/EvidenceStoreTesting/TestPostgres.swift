package import EvidenceStore
import Foundation

/// A throwaway PostgreSQL cluster for one test process: `initdb` into a temporary folder, the
/// server on 127.0.0.1 at a free port, stopped and removed when the process exits (and killed with
/// the process if it dies first: the server's parent-death signal). Started on first use, shared
/// by every test of the process; each test takes a fresh database of it (`makeDatabase()`).
///
/// PostgreSQL refuses to run as root: as root the cluster belongs to `nobody`. Tests never use a
/// server they did not start.
///
/// A test that takes the server away (`stopServer()`, then `startServer()`: a database restart)
/// uses a cluster of its own (`TestPostgres.ownCluster()`), never the shared one other tests run on.
package final class TestPostgres: @unchecked Sendable {
    package let port: Int
    package let user = "evidenced"
    package let password: String
    let root: URL
    let socketDirectory: String
    let binaries: URL
    /// Guarded by `lock`: replaced when the server is started again.
    private var server: Process
    private let lock = NSLock()
    /// Removed when the last reference goes (the shared cluster: at exit).
    private let removedOnDeinit: Bool

    /// The cluster of this process, started on first use.
    package static func shared() throws -> TestPostgres {
        try started.get()
    }

    private static let started: Result<TestPostgres, any Error> = Result {
        let cluster = try TestPostgres(removedOnDeinit: false)
        atexit { try? TestPostgres.started.get().stop() }
        return cluster
    }

    /// A cluster for one test alone, which may stop and start its server; stopped and removed when
    /// the test lets go of it (and killed with the process if it dies first).
    package static func ownCluster() throws -> TestPostgres {
        try TestPostgres(removedOnDeinit: true)
    }

    deinit {
        if removedOnDeinit { stop() }
    }

    /// A new empty database of the cluster, with its location.
    package func makeDatabase() throws -> PostgresLocation {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try run("createdb", ["-h", socketDirectory, "-p", String(port), "-U", user, name], asOwner: false)
        return location(database: name)
    }

    package func location(database: String) -> PostgresLocation {
        PostgresLocation(host: "127.0.0.1", port: port, user: user, password: password, database: database)
    }

    private init(removedOnDeinit: Bool) throws {
        self.removedOnDeinit = removedOnDeinit
        binaries = try Self.findBinaries()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-pg-\(UUID().uuidString)")
        socketDirectory = root.path
        password = UUID().uuidString
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let passwordFile = root.appendingPathComponent("password")
        try Data(password.utf8).write(to: passwordFile)
        if getuid() == 0 {
            try Self.run("/bin/chown", ["-R", "nobody", root.path], binaries: binaries, root: root, asOwner: false, absolute: true)
        }
        // Local socket: trust (createdb); TCP: the password, as a deployment would.
        try Self.run("initdb", ["-D", root.appendingPathComponent("data").path, "-U", "evidenced", "--pwfile", passwordFile.path,
                                "--auth-local=trust", "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync"],
                     binaries: binaries, root: root, asOwner: true)
        port = try Self.freePort()
        server = try Self.launchServer(binaries: binaries, root: root, port: port)
        try waitUntilReady()
    }

    /// The server on the cluster's data and port, its output dropped.
    private static func launchServer(binaries: URL, root: URL, port: Int) throws -> Process {
        let server = try process(binaries.appendingPathComponent("postgres").path, [
            "-D", root.appendingPathComponent("data").path, "-p", String(port), "-k", root.path,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "max_connections=300",
        ], asOwner: true, deathSignal: true)
        let log = FileHandle(forWritingAtPath: "/dev/null")
        server.standardOutput = log
        server.standardError = log
        try startOnALastingThread(server)
        return server
    }

    /// Takes the server away as an operator's restart or a crash does, keeping the data: `fast`
    /// ends every session at once (what `systemctl restart postgresql` does); otherwise an
    /// immediate stop, with recovery at the next start. Returns once it has exited.
    package func stopServer(fast: Bool = true) {
        let server = lock.withLock { self.server }
        guard server.isRunning else { return }
        kill(server.processIdentifier, fast ? SIGINT : SIGQUIT)
        server.waitUntilExit()
    }

    /// Starts the server again on the same data and port; returns once it accepts connections.
    package func startServer() throws {
        try lock.withLock {
            guard !server.isRunning else { return }
            server = try Self.launchServer(binaries: binaries, root: root, port: port)
        }
        try waitUntilReady()
    }

    /// Linux sends the parent-death signal when the *thread* that started the child exits, not the
    /// process: started from a pool thread that later retires, the server was killed in the middle
    /// of the test run. It is started from a thread that lives exactly as long as the server.
    private static func startOnALastingThread(_ server: Process) throws {
        let started = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        let thread = Thread {
            do { try server.run() } catch {
                failure = error
                started.signal()
                return
            }
            started.signal()
            server.waitUntilExit()
        }
        thread.name = "test-postgres"
        thread.start()
        started.wait()
        if let failure { throw failure }
    }

    /// Polls `pg_isready` until the server accepts connections (or exits, or a generous deadline).
    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(120)
        let server = lock.withLock { self.server }
        while Date() < deadline {
            guard server.isRunning else { throw TestPostgresError("the PostgreSQL server exited at start") }
            if (try? run("pg_isready", ["-h", "127.0.0.1", "-p", String(port), "-q"], asOwner: false)) != nil { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestPostgresError("the PostgreSQL server did not accept connections within 120 s")
    }

    /// Stops the server at once (the data is thrown away) and removes its folder.
    func stop() {
        stopServer(fast: false)
        try? FileManager.default.removeItem(at: root)
    }

    private func run(_ tool: String, _ arguments: [String], asOwner: Bool) throws {
        try Self.run(tool, arguments, binaries: binaries, root: root, asOwner: asOwner)
    }

    private static func run(_ tool: String, _ arguments: [String], binaries: URL, root: URL, asOwner: Bool,
                            absolute: Bool = false) throws {
        let path = absolute ? tool : binaries.appendingPathComponent(tool).path
        let process = try process(path, arguments, asOwner: asOwner, deathSignal: false)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.currentDirectoryURL = root
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestPostgresError("\(tool) failed: \(String(decoding: text, as: UTF8.self))")
        }
    }

    /// As root, the tool runs as `nobody` (setpriv execs it, so the death signal is the tool's own).
    private static func process(_ path: String, _ arguments: [String], asOwner: Bool, deathSignal: Bool) throws -> Process {
        let process = Process()
        if asOwner, getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups"]
                + (deathSignal ? ["--pdeathsig", "QUIT"] : []) + ["--", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        return process
    }

    /// Debian's server binaries (not on PATH), or those of the PATH's `initdb`.
    private static func findBinaries() throws -> URL {
        let debian = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: debian.path)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = debian.appendingPathComponent(version).appendingPathComponent("bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("postgres").path) { return bin }
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let bin = URL(fileURLWithPath: String(directory))
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("postgres").path) { return bin }
        }
        throw TestPostgresError("PostgreSQL is not installed: `make deps` installs Debian's postgresql")
    }

    /// A port nothing listens on now (the kernel's pick for port 0), for a server that is down.
    package static func closedPort() throws -> Int { try freePort() }

    /// A port nothing listens on now (the kernel's pick for port 0).
    private static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw TestPostgresError("socket() failed") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0 }
        }
        guard bound else { throw TestPostgresError("no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

package struct TestPostgresError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
