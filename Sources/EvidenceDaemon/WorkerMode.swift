import CProcessControl
package import EvidenceExtraction
import EvidenceModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `evidenced worker`: extracts one file in a child process of the daemon, so that a crash or a
/// hang inside poppler or tesseract costs that one document, never the daemon.
package enum WorkerMode {
    /// Ties the worker's life to its parent and caps its resources, then extracts and replies.
    /// Memory is watched by the parent (resident size): an address-space limit would count thread
    /// stacks and malloc arenas and can wedge the runtime instead of failing cleanly.
    package static func run(file: String, options: ExtractionOptions, parent: Int32) async -> Int32 {
        // Dies with the daemon. The parent may already be gone before prctl ran: check after it.
        _ = evidenced_set_parent_death_signal(SIGKILL)
        guard getppid() == parent else { return 3 }
        limit(RLIMIT_CPU, seconds: Int(options.limits.secondsPerFile) + 5)
        limit(RLIMIT_CORE, seconds: 0)

        let extractor = Extractor(options: options)
        let status = await reply(to: file, extractor: extractor)
        extractor.releaseEngines()
        return status
    }

    /// `evidenced worker --serve`: one file path a line on standard input, one reply a line on
    /// standard output, until end of input. The OCR models stay loaded between documents; the parent
    /// watches time and memory per document (a CPU limit would add up across documents).
    package static func serve(options: ExtractionOptions, parent: Int32) async -> Int32 {
        _ = evidenced_set_parent_death_signal(SIGKILL)
        guard getppid() == parent else { return 3 }
        limit(RLIMIT_CORE, seconds: 0)
        let extractor = Extractor(options: options)
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty else { continue }
            let status = await reply(to: line, extractor: extractor)
            if status != 0 { return status }
        }
        extractor.releaseEngines()
        return 0
    }

    /// Extracts one file and writes its reply as one JSON line.
    private static func reply(to file: String, extractor: Extractor) async -> Int32 {
        let reply: WorkerReply
        do {
            let url = URL(fileURLWithPath: file)
            reply = .parsed(await ParsedDocument.parsing(try await extractor.extract(fileAt: url), fileAt: url))
        } catch {
            reply = .failure(error)
        }
        guard let data = try? JSONEncoder().encode(reply) else { return 4 }
        FileHandle.standardOutput.write(data + Data([0x0A]))
        return 0
    }

    private static func limit(_ resource: __rlimit_resource, seconds: Int) {
        limit(resource, value: rlim_t(max(0, seconds)))
    }

    private static func limit(_ resource: __rlimit_resource, value: rlim_t) {
        var bound = rlimit(rlim_cur: value, rlim_max: value)
        _ = setrlimit(__rlimit_resource_t(resource.rawValue), &bound)
    }
}
