import Foundation
import Testing
import EvidenceExtraction
import EvidenceModel
@testable import EvidenceDaemon

/// Extraction in a child process: a crash, a hang or a memory blow-up fails one file, never the caller.
@Suite struct ProcessExtractorTests {
    let sample = TestPaths.samples.appendingPathComponent("scanned-qd-1246.pdf")

    func failure(_ extractor: ProcessExtractor) async -> ExtractionFailure? {
        do { _ = try await extractor.extract(fileAt: sample); return nil } catch { return error }
    }

    @Test func realWorkerExtractsTheFile() async throws {
        let extractor = ProcessExtractor(executable: TestPaths.executable, options: .init(workers: 2))
        let document = try await extractor.extract(fileAt: TestPaths.samples.appendingPathComponent("born-digital-kh-178.pdf"))
        #expect(document.pages == 3)
        #expect(document.perPage.allSatisfy { $0.source == .text })
    }

    @Test func realWorkerReportsTheFilesOwnError() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.pdf")
        try Data().write(to: empty)
        let extractor = ProcessExtractor(executable: TestPaths.executable, options: .init())
        await #expect(throws: ExtractionFailure(.emptyFile, "The file is empty (0 bytes).")) {
            _ = try await extractor.extract(fileAt: empty)
        }
    }

    @Test func crashingWorkerFailsTheFileAsCrashed() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let crash = try TestPaths.script("kill -SEGV $$", in: folder)
        let error = await failure(ProcessExtractor(executable: crash, options: .init()))
        #expect(error?.code == .workerCrashed)
        #expect(error?.message.contains("signal 11") == true)
    }

    @Test func hangingWorkerIsKilledAtTheDeadline() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hang = try TestPaths.script("exec sleep 60", in: folder)
        var limits = ExtractionLimits.default
        limits.secondsPerFile = 0.5
        let error = await failure(ProcessExtractor(executable: hang, options: .init(limits: limits), startupMargin: 0.5))
        #expect(error?.code == .timeout)
    }

    @Test func greedyWorkerIsKilledAtTheMemoryBound() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let greedy = try TestPaths.script(#"exec python3 -c "import time; x = bytearray(400 << 20); time.sleep(30)""#, in: folder)
        let error = await failure(ProcessExtractor(executable: greedy, options: .init(), memoryMB: 100))
        #expect(error?.code == .tooMuchMemory)
    }

    @Test func whatADyingWorkerWroteToStandardErrorIsKept() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dying = try TestPaths.script("echo 'Syntax Error: Invalid XRef entry' >&2; echo 'Fatal error: boom' >&2; exit 3", in: folder)
        let worker = try ServingWorker(executable: dying, arguments: [])
        #expect(worker.request("/tmp/x.pdf") == nil)
        let (_, status) = worker.terminate()
        #expect(status == 3)
        #expect(worker.standardErrorTail() == "Syntax Error: Invalid XRef entry | Fatal error: boom")
    }

    @Test func garbageReplyIsACrashNotAResult() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let liar = try TestPaths.script("echo '{not json'", in: folder)
        let error = await failure(ProcessExtractor(executable: liar, options: .init()))
        #expect(error?.code == .workerCrashed)
    }

    @Test func workerDiesWithItsParent() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("worker.pid")
        // A stand-in parent starts a real worker on a slow file, then is killed with -9.
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: "/bin/sh")
        parent.arguments = ["-c", "\"$0\" worker \"$1\" --parent $$ --workers 1 >/dev/null & echo $! > \"$2\"; wait",
                            TestPaths.executable.path, sample.path, pidFile.path]
        try parent.run()
        var workerPID: pid_t?
        for _ in 0..<50 where workerPID == nil {
            try await Task.sleep(for: .milliseconds(50))
            workerPID = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        let pid = try #require(workerPID)
        try await Task.sleep(for: .milliseconds(300))
        kill(parent.processIdentifier, SIGKILL)
        parent.waitUntilExit()
        var alive = true
        for _ in 0..<40 where alive {
            try await Task.sleep(for: .milliseconds(50))
            let state = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8))?
                .split(separator: "\n").first { $0.hasPrefix("State:") }
            alive = state.map { !$0.contains("Z") } ?? false
        }
        #expect(!alive, "the worker outlived its parent")
    }
}

@Suite struct ServingWorkerTests {
    @Test func oneWorkerServesDocumentsInTurnAndIsRecycled() async throws {
        let extractor = ProcessExtractor(executable: TestPaths.executable, options: .init(workers: 1), documentsPerWorker: 2)
        for name in ["born-digital-bb-08.pdf", "born-digital-kh-178.pdf", "ocr-text-bc-312.txt"] {
            let document = try await extractor.extract(fileAt: TestPaths.samples.appendingPathComponent(name))
            #expect(document.pages >= 1, "\(name)")
        }
        extractor.shutdown()
    }
}

/// Waiting for a worker never holds a thread of the concurrency pool.
@Suite struct BlockingCallTests {
    @Test func hungWorkersLeaveThePoolFreeForOtherTasks() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Takes the request, then never answers.
        let hang = try TestPaths.script("read line; exec sleep 3600", in: folder)
        var limits = ExtractionLimits.default
        limits.secondsPerFile = 3600
        let extractor = ProcessExtractor(executable: hang, options: .init(limits: limits))
        let sample = TestPaths.samples.appendingPathComponent("born-digital-kh-178.pdf")
        // More hung extractions than the pool has threads: if each held one, nothing else could run.
        let hung = ProcessInfo.processInfo.activeProcessorCount + 1
        let started = Date()
        let otherTaskRan = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<hung {
                group.addTask { (try? await extractor.extract(fileAt: sample)) != nil }
            }
            group.addTask {
                // Give the extractions time to reach their blocking wait, then do some other work.
                try? await Task.sleep(for: .milliseconds(500))
                return await Task.detached { (1...1000).reduce(0, +) == 500_500 }.value
            }
            let first = await group.next() ?? false
            group.cancelAll()  // kills the hung workers
            return first
        }
        // Other tests of the suite may hold the pool for minutes on a loaded machine; the hung
        // workers must not (an hour): the bound tells a kill from a wait, not a fast machine from a slow one.
        #expect(otherTaskRan, "the other task finished first")
        #expect(Date().timeIntervalSince(started) < 1200, "cancelled extractions end at once, not when their workers give up")
    }
}
