package import EvidenceExtraction
package import EvidenceModel
package import Foundation
package import Logging
import EvidenceService

/// Extracts each file in a child `evidenced worker --serve` process with limits on time and memory;
/// a crash, a kill or a hang fails that file with a clear reason, and its worker is replaced. Workers
/// serve one document at a time and stay up between documents (the OCR models stay loaded), up to
/// `documentsPerWorker`, then are recycled.
package final class ProcessExtractor: ParsingExtractor, @unchecked Sendable {
    package let executable: URL
    package let options: ExtractionOptions
    package let memoryMB: Int
    /// Time allowed beyond the file's extraction limit for the worker to start and reply.
    package let startupMargin: Double
    package let documentsPerWorker: Int
    /// Where a worker's failure is told, with the last lines it wrote to its standard error.
    package let logger: Logger
    private let lock = NSLock()
    private var idle: [ServingWorker] = []

    package init(executable: URL, options: ExtractionOptions, memoryMB: Int = 2048, startupMargin: Double = 10,
                documentsPerWorker: Int = 100, logger: Logger = Logger(label: "evidenced.worker")) {
        self.executable = executable; self.options = options; self.memoryMB = memoryMB
        self.startupMargin = startupMargin; self.documentsPerWorker = max(1, documentsPerWorker); self.logger = logger
    }

    deinit { shutdown() }

    /// Ends the idle workers (they exit at the end of their input).
    package func shutdown() {
        let workers = lock.withLock { defer { idle.removeAll() }; return idle }
        // Side by side: each exit waits for its models to unload.
        DispatchQueue.concurrentPerform(iterations: workers.count) { workers[$0].finish() }
    }

    /// The document as the worker read it; its word boxes stay in the worker, which parses them.
    package func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
        try await extractAndParse(fileAt: url).document
    }

    package func extractAndParse(fileAt url: URL) async throws(ExtractionFailure) -> ParsedDocument {
        // Cancelled (the daemon stopping past its grace period): the worker is killed at once.
        let running = RunningWorker()
        let outcome = await withTaskCancellationHandler {
            await DedicatedThread.run { [self] in run(url, running: running) }
        } onCancel: {
            running.kill()
        }
        return try outcome.get()
    }

    /// The worker's command line: everything it needs, nothing inherited but the environment.
    func arguments() -> [String] {
        let limits = options.limits
        return ["worker", "--serve", "--parent", String(getpid()),
                "--language", options.language, "--dpi", String(options.dpi), "--workers", String(options.workers),
                "--max-pages", String(limits.maxPages), "--max-megapixels", String(limits.maxMegapixels),
                "--seconds-per-page", String(limits.secondsPerPage), "--seconds-per-file", String(limits.secondsPerFile)]
            + (options.trustedCADirectory.map { ["--trusted-ca-dir", $0] } ?? [])
    }

    private func checkout() throws -> ServingWorker {
        if let worker = lock.withLock({ idle.popLast() }) { return worker }
        return try ServingWorker(executable: executable, arguments: arguments())
    }

    private func checkin(_ worker: ServingWorker) {
        // A worker whose peak grew past the bound between two looks of the watchdog is not reused:
        // its next document would be blamed for the memory this one took.
        let peak = WorkerWatchdog.residentKB(worker.pid, field: "VmHWM:") ?? 0
        if worker.served >= documentsPerWorker || peak > memoryMB * 1024 {
            // Recycled off the extraction's path: its exit is waited for on another thread.
            Thread.detachNewThread { worker.finish() }
            return
        }
        lock.withLock { idle.append(worker) }
    }

    private func run(_ url: URL, running: RunningWorker) -> Result<ParsedDocument, ExtractionFailure> {
        let worker: ServingWorker
        do { worker = try checkout() } catch {
            return .failure(ExtractionFailure(.workerCrashed, "The extraction worker could not be started: \(error.localizedDescription)"))
        }
        running.started(worker.pid)
        let watchdog = WorkerWatchdog(pid: worker.pid, memoryMB: memoryMB,
                                      deadline: Date().addingTimeInterval(options.limits.secondsPerFile + startupMargin))
        Thread.detachNewThread { watchdog.watch() }
        let line = worker.request(url.path)
        let verdict = watchdog.stop()

        if let line, let reply = try? JSONDecoder().decode(WorkerReply.self, from: line) {
            checkin(worker)
            switch reply {
            case .parsed(let parsed): return .success(parsed)
            case .failure(let failure): return .failure(failure)
            }
        }
        let (reason, status) = worker.terminate()
        // What the worker said before it died (poppler's and tesseract's complaints, a Swift trap):
        // the operator's first clue, kept with the failure in the log.
        logger.warning("extraction worker failed", metadata: [
            "file": "\(url.lastPathComponent)", "pid": "\(worker.pid)", "verdict": "\(verdict)",
            "exit": "\(reason == .uncaughtSignal ? "signal" : "status") \(status)", "stderr": "\(worker.standardErrorTail())"])
        switch verdict {
        case .overtime:
            return .failure(ExtractionFailure(.timeout, "Extraction did not finish within \(Int(options.limits.secondsPerFile)) s and was stopped."))
        case .overMemory:
            return .failure(ExtractionFailure(.tooMuchMemory, "Extraction needed more than \(memoryMB) MB of memory and was stopped."))
        case .none:
            let how = line != nil ? "gave an unreadable reply"
                : reason == .uncaughtSignal ? "was killed by signal \(status)" : "exited with status \(status)"
            return .failure(ExtractionFailure(.workerCrashed, "The extraction worker \(how); the file may be malformed."))
        }
    }
}

/// One `evidenced worker --serve` child: a path a line in, a JSON reply a line out.
final class ServingWorker: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private let errors = StandardErrorTail()
    private(set) var served = 0

    /// A worker that died leaves a broken pipe: writing to it must fail with EPIPE, not kill the
    /// daemon. Set once, before the first worker's pipe exists, whoever starts it.
    private static let brokenPipesFail: Void = { signal(SIGPIPE, SIG_IGN) }()

    init(executable: URL, arguments: [String]) throws {
        _ = Self.brokenPipesFail
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[OpenMPThreads.variable] = "1"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try Self.launch(process)
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        // Drained all the time (a full pipe would block the worker), the last lines kept.
        let reading = stderr.fileHandleForReading, errors = errors
        Thread.detachNewThread { errors.drain(reading) }
    }

    /// Starts the process, trying again while the executable is 'text file busy' (ETXTBSY): the
    /// binary being replaced by an upgrade, or a script another thread's child still holds open
    /// for writing. Any other failure is thrown at once.
    private static func launch(_ process: Process) throws {
        for attempt in 1...50 {
            do { return try process.run() } catch let error as NSError where isTextFileBusy(error) && attempt < 50 {
                usleep(useconds_t(20_000 * min(attempt, 10)))
            }
        }
    }

    /// ETXTBSY, as it is or wrapped by Foundation (a Cocoa error whose underlying error is POSIX 26).
    private static func isTextFileBusy(_ error: NSError) -> Bool {
        if error.domain == NSPOSIXErrorDomain { return error.code == Int(ETXTBSY) }
        return (error.userInfo[NSUnderlyingErrorKey] as? NSError).map(isTextFileBusy) ?? false
    }

    /// The last lines the worker wrote to its standard error.
    func standardErrorTail() -> String { errors.text(waitingUpTo: process.isRunning ? 0 : 2) }

    var pid: pid_t { process.processIdentifier }

    /// Sends one path and reads the one-line reply; nil when the worker died first.
    func request(_ path: String) -> Data? {
        do { try input.write(contentsOf: Data((path + "\n").utf8)) } catch { return nil }
        var reply = Data()
        while true {
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            if let newline = chunk.firstIndex(of: 0x0A) {
                reply.append(chunk[chunk.startIndex..<newline])
                served += 1
                return reply
            }
            reply.append(chunk)
        }
    }

    /// Closes its input, so it unloads its models and exits, then reaps it; one that has not exited
    /// within `grace` seconds is killed.
    func finish(grace: Double = 3) {
        try? input.close()
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        _ = terminate()
    }

    /// Kills it and reaps it; says how it ended.
    func terminate() -> (Process.TerminationReason, Int32) {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? input.close()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus)
    }
}

/// The end of a worker's standard error: at most `limit` bytes, older ones dropped, so a chatty
/// worker never grows the daemon.
final class StandardErrorTail: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    private let ended = DispatchSemaphore(value: 0)
    let limit = 4096

    func drain(_ handle: FileHandle) {
        defer { ended.signal() }
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return }
            lock.withLock {
                bytes.append(chunk)
                if bytes.count > limit { bytes = bytes.suffix(limit) }
            }
        }
    }

    /// The kept lines; after the worker ended, once its last bytes are read (at most `seconds`).
    func text(waitingUpTo seconds: Double = 0) -> String {
        if seconds > 0, ended.wait(timeout: .now() + seconds) == .success { ended.signal() }
        let data = lock.withLock { bytes }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(20).joined(separator: " | ")
    }
}

/// The worker of one extraction, killed if its task is cancelled (before or after it started).
final class RunningWorker: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: pid_t?
    private var cancelled = false

    func started(_ pid: pid_t) {
        let kill = lock.withLock { self.pid = pid; return cancelled }
        if kill { _ = Foundation.kill(pid, SIGKILL) }
    }

    func kill() {
        let pid = lock.withLock { cancelled = true; return self.pid }
        if let pid { _ = Foundation.kill(pid, SIGKILL) }
    }
}

/// Kills a worker that runs past its deadline or grows past its memory bound (resident size,
/// read from /proc every 100 ms).
final class WorkerWatchdog: @unchecked Sendable {
    enum Verdict { case none, overtime, overMemory }

    private let pid: pid_t
    private let memoryKB: Int
    private let deadline: Date
    private let lock = NSLock()
    private var stopped = false
    private var verdict = Verdict.none

    init(pid: pid_t, memoryMB: Int, deadline: Date) {
        self.pid = pid; self.memoryKB = memoryMB * 1024; self.deadline = deadline
    }

    func watch() {
        while lock.withLock({ !stopped }) {
            if Date() > deadline { return kill(.overtime) }
            // The peak (VmHWM), not the moment's size: a burst between two looks still counts,
            // however slowly this thread is scheduled on a loaded machine.
            if let peak = Self.residentKB(pid, field: "VmHWM:"), peak > memoryKB { return kill(.overMemory) }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Ends the watch once the worker has exited; says why it was killed, if it was.
    func stop() -> Verdict { lock.withLock { stopped = true; return verdict } }

    private func kill(_ reason: Verdict) {
        lock.withLock {
            guard !stopped else { return }
            verdict = reason
            _ = Foundation.kill(pid, SIGKILL)
        }
    }

    static func residentKB(_ pid: pid_t, field: String = "VmRSS:") -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return nil }
        // 'VmHWM:\t  409876 kB': the number whatever the spacing (a tab, then padding spaces).
        return Int(line.dropFirst(field.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}
