import EvidenceExtraction
import EvidenceModel
import Foundation

/// Extracts each file in a child `evidenced worker` process with limits on time and memory;
/// a crash, a kill or a hang fails that file with a clear reason.
public struct ProcessExtractor: DocumentExtracting {
    public var executable: URL
    public var options: ExtractionOptions
    public var memoryMB: Int
    /// Time allowed beyond the file's extraction limit for the worker to start and reply.
    public var startupMargin: Double

    public init(executable: URL, options: ExtractionOptions, memoryMB: Int = 2048, startupMargin: Double = 10) {
        self.executable = executable; self.options = options; self.memoryMB = memoryMB; self.startupMargin = startupMargin
    }

    public func extract(fileAt url: URL, progress: ExtractionProgress?) async throws(ExtractionFailure) -> ExtractedDocument {
        // Cancelled (the daemon stopping past its grace period): the worker is killed at once.
        let running = RunningWorker()
        let outcome = await withTaskCancellationHandler {
            await Task.detached { [self] in run(url, running: running) }.value
        } onCancel: {
            running.kill()
        }
        return try outcome.get()
    }

    /// The worker's command line: everything it needs, nothing inherited but the environment.
    func arguments(for url: URL) -> [String] {
        let limits = options.limits
        return ["worker", url.path, "--parent", String(getpid()),
                "--language", options.language, "--dpi", String(options.dpi), "--workers", String(options.workers),
                "--max-pages", String(limits.maxPages), "--max-megapixels", String(limits.maxMegapixels),
                "--seconds-per-page", String(limits.secondsPerPage), "--seconds-per-file", String(limits.secondsPerFile)]
    }

    private func run(_ url: URL, running: RunningWorker) -> Result<ExtractedDocument, ExtractionFailure> {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments(for: url)
        var environment = ProcessInfo.processInfo.environment
        environment[OpenMPThreads.variable] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return .failure(ExtractionFailure(.workerCrashed, "The extraction worker could not be started: \(error.localizedDescription)"))
        }
        running.started(process.processIdentifier)
        let watchdog = WorkerWatchdog(pid: process.processIdentifier, memoryMB: memoryMB,
                                      deadline: Date().addingTimeInterval(options.limits.secondsPerFile + startupMargin))
        Thread.detachNewThread { watchdog.watch() }
        // Read before waiting: a large reply would otherwise fill the pipe and block the worker.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let verdict = watchdog.stop()

        if process.terminationReason == .exit, process.terminationStatus == 0,
           let reply = try? JSONDecoder().decode(WorkerReply.self, from: data) {
            switch reply {
            case .document(let document): return .success(document)
            case .failure(let failure): return .failure(failure)
            }
        }
        switch verdict {
        case .overtime:
            return .failure(ExtractionFailure(.timeout, "Extraction did not finish within \(Int(options.limits.secondsPerFile)) s and was stopped."))
        case .overMemory:
            return .failure(ExtractionFailure(.tooMuchMemory, "Extraction needed more than \(memoryMB) MB of memory and was stopped."))
        case .none:
            let how = process.terminationReason == .uncaughtSignal
                ? "was killed by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
            return .failure(ExtractionFailure(.workerCrashed, "The extraction worker \(how); the file may be malformed."))
        }
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
            if let rss = Self.residentKB(pid), rss > memoryKB { return kill(.overMemory) }
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

    static func residentKB(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}
