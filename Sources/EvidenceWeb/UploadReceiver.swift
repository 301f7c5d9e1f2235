import EvidenceService
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body received into a staging folder: each file is written to disk as
/// its bytes arrive (never whole in memory), fields are kept. Limits are enforced while streaming:
/// the total size, the number of fields and files, the size of one field, and file names that try
/// to leave the folder. For a session, the form's CSRF token must come before the first file, so
/// nothing of a forged request is written.
struct UploadReceiver {
    var maxBytes: Int
    var maxFields = 2_000
    var maxFieldBytes = 64 * 1024
    var maxFiles = 500
    var minBytesPerSecond = 1_024

    struct Received {
        var fields: [String: [String]] = [:]
        var files: [ReceivedFile] = []
        func field(_ name: String) -> String? { fields[name]?.first }
    }

    struct ReceivedFile {
        /// The form field it came in.
        var field: String
        /// Its name in the staging folder (unique, safe).
        var name: String
        var bytes: Int
    }

    /// - Parameter beforeFirstFile: called with the fields read so far when the first file starts.
    func receive(_ request: Request, into folder: URL, beforeFirstFile: (Received) throws -> Void) async throws -> Received {
        guard let type = request.headers[.contentType], let boundary = Self.boundary(type) else {
            throw WebError(.unsupportedMediaType, "not-multipart", "Cần gửi multipart/form-data (expected multipart/form-data with a boundary).")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw WebError.tooLarge(maxBytes >> 20)
        }
        let state = ParseState(folder: folder, limits: self)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.partComplete() }
        var total = 0
        var checkedCSRF = false
        let start = ContinuousClock.now
        for try await chunk in request.body {
            total += chunk.readableBytes
            guard total <= maxBytes else { throw WebError.tooLarge(maxBytes >> 20) }
            // A client trickling bytes (each within the idle timeout) would hold its connection and
            // staging folder for ever: after a minute it must average `minBytesPerSecond`.
            let seconds = Double((ContinuousClock.now - start).components.seconds)
            if seconds > 60, Double(total) / seconds < Double(minBytesPerSecond) {
                throw WebError(.requestTimeout, "too-slow", "Tải lên quá chậm (upload slower than \(minBytesPerSecond) bytes/s).")
            }
            do { try parser.execute(chunk) } catch {
                throw WebError.invalid("Dữ liệu multipart hỏng (malformed multipart body).")
            }
            if let error = state.error { throw error }
            if !checkedCSRF, state.sawFile {
                try beforeFirstFile(state.received)
                checkedCSRF = true
            }
            try await state.flush()
        }
        guard state.finished else { throw WebError.invalid("Dữ liệu multipart bị cắt ngang (truncated multipart body).") }
        if !checkedCSRF { try beforeFirstFile(state.received) }
        try await state.flush()
        return state.received
    }

    static func boundary(_ contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            let value = part.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// The name a browser or client gave, as a plain file name; nil (refused) when it names a path.
    static func safeName(_ raw: String) -> String? {
        let name = raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.utf8.count <= 255, !name.contains("/"), !name.contains("\\"), name != ".", name != "..",
              !name.hasPrefix("."), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return name
    }
}

/// The parser's callbacks are synchronous: they only record; `flush` does the file writes off the
/// concurrency pool.
private final class ParseState {
    let folder: URL
    let limits: UploadReceiver
    var received = UploadReceiver.Received()
    var error: WebError?
    var sawFile = false
    var finished = false

    private var headers: [String: String] = [:]
    private var part: Part?
    private var fieldCount = 0
    private var pending: [Operation] = []
    private var handles: [Int: FileHandle] = [:]
    private var usedNames: Set<String> = []
    /// The parser hands binary data over in pieces of a few hundred bytes (it stops at every CR):
    /// they are gathered here into one write per received chunk, not one per piece.
    private var unwritten: (index: Int, data: Data)?

    enum Part { case field(name: String), file(index: Int), skipped }
    /// The field being read (kept apart from `part` so appending does not copy it each time), and
    /// all fields so far: fields are held in memory, so their total is bounded too.
    private var fieldBytes: [UInt8] = []
    private var allFieldBytes = 0
    static let maxAllFieldBytes = 1 << 20
    enum Operation { case create(Int, URL), write(Int, Data), close(Int) }

    init(folder: URL, limits: UploadReceiver) { self.folder = folder; self.limits = limits }

    func header(_ name: String, _ value: String) {
        finished = false
        headers[name.lowercased()] = value
    }

    func body(_ buffer: inout ByteBuffer) {
        guard error == nil else { return }
        if part == nil { part = startPart() }
        switch part {
        case .field(let name):
            fieldBytes.append(contentsOf: buffer.readableBytesView)
            allFieldBytes += buffer.readableBytes
            if fieldBytes.count > limits.maxFieldBytes {
                error = WebError(.contentTooLarge, "field-too-large", "Trường '\(name)' quá dài (field over \(limits.maxFieldBytes / 1024) KiB).")
            } else if allFieldBytes > Self.maxAllFieldBytes {
                error = WebError(.contentTooLarge, "fields-too-large", "Các trường của biểu mẫu quá dài (form fields over 1 MiB in all).")
            }
        case .file(let index):
            received.files[index].bytes += buffer.readableBytes
            if unwritten == nil { unwritten = (index, Data()) }
            unwritten?.data.append(contentsOf: buffer.readableBytesView)
        case .skipped, .none: break
        }
    }

    func partComplete() {
        if part == nil { part = startPart() }  // a part with an empty body
        switch part {
        case .field(let name):
            received.fields[name, default: []].append(String(decoding: fieldBytes, as: UTF8.self))
            fieldBytes = []
        case .file(let index):
            queueUnwritten()
            pending.append(.close(index))
        case .skipped, .none: break
        }
        part = nil
        headers = [:]
        finished = true
    }

    private func startPart() -> Part {
        let disposition = Self.disposition(headers["content-disposition"] ?? "")
        guard let name = disposition["name"] else {
            error = WebError.invalid("Một phần của biểu mẫu không có tên (a multipart part has no name).")
            return .skipped
        }
        fieldCount += 1
        guard fieldCount <= limits.maxFields else {
            error = WebError(.contentTooLarge, "too-many-fields", "Biểu mẫu có quá nhiều trường (more than \(limits.maxFields) fields).")
            return .skipped
        }
        guard let filename = disposition["filename"] else { fieldBytes = []; return .field(name: name) }
        if filename.isEmpty { return .skipped }  // an empty file input
        guard let safe = UploadReceiver.safeName(filename) else {
            error = WebError.invalid("Tên tệp không hợp lệ: '\(filename)' (a file name must not contain a path).")
            return .skipped
        }
        guard received.files.count < limits.maxFiles else {
            error = WebError(.contentTooLarge, "too-many-files", "Quá nhiều tệp (more than \(limits.maxFiles) files).")
            return .skipped
        }
        sawFile = true
        let unique = uniqueName(safe)
        received.files.append(.init(field: name, name: unique, bytes: 0))
        let index = received.files.count - 1
        pending.append(.create(index, folder.appendingPathComponent(unique)))
        return .file(index: index)
    }

    private func uniqueName(_ name: String) -> String {
        var candidate = name, counter = 2
        let url = URL(fileURLWithPath: name)
        while usedNames.contains(candidate.lowercased()) || candidate == "submission.json" {
            let ext = url.pathExtension
            candidate = url.deletingPathExtension().lastPathComponent + " (\(counter))" + (ext.isEmpty ? "" : "." + ext)
            counter += 1
        }
        usedNames.insert(candidate.lowercased())
        return candidate
    }

    private func queueUnwritten() {
        guard let (index, data) = unwritten else { return }
        pending.append(.write(index, data))
        unwritten = nil
    }

    /// Writes what the parser recorded, on a blocking thread.
    func flush() async throws {
        queueUnwritten()
        guard !pending.isEmpty else { return }
        let operations = pending
        pending = []
        let box = HandleBox(handles)
        let failure: String? = await DedicatedThread.run {
            do {
                for operation in operations {
                    switch operation {
                    case .create(let index, let url):
                        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { return "cannot create \(url.lastPathComponent)" }
                        box.handles[index] = try FileHandle(forWritingTo: url)
                    case .write(let index, let data):
                        try box.handles[index]?.write(contentsOf: data)
                    case .close(let index):
                        try box.handles[index]?.close()
                        box.handles[index] = nil
                    }
                }
                return nil
            } catch { return "\(error)" }
        }
        handles = box.handles
        if failure != nil {
            throw WebError(.internalServerError, "write-failed", "Không ghi được tệp tải lên; đã ghi nhật ký (write failed, logged).")
        }
    }

    deinit { for handle in handles.values { try? handle.close() } }

    /// `form-data; name="x"; filename="y"` → ["name": "x", "filename": "y"].
    static func disposition(_ value: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...]
            let trimmed = rest.drop(while: { $0 == " " })
            guard let equals = trimmed.firstIndex(of: "=") else { break }
            let key = trimmed[..<equals].lowercased()
            var after = trimmed[trimmed.index(after: equals)...]
            var parsed = ""
            if after.first == "\"" {
                after = after.dropFirst()
                // Browsers percent-encode a quote in a file name and send '\\' as itself: a
                // backslash is kept (and a name holding one is refused), never read as an escape.
                var end = after.endIndex
                for index in after.indices {
                    let character = after[index]
                    if character == "\"" { end = index; break }
                    parsed.append(character)
                }
                rest = end < after.endIndex ? after[after.index(after: end)...] : ""
            } else {
                let end = after.firstIndex(of: ";") ?? after.endIndex
                parsed = String(after[..<end]).trimmingCharacters(in: .whitespaces)
                rest = after[end...]
            }
            // Browsers send UTF-8 bytes in the quoted name; NIO hands them over as Latin-1 code units.
            out[key] = Self.repairUTF8(parsed)
        }
        return out
    }

    static func repairUTF8(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy({ $0.value < 256 }), text.unicodeScalars.contains(where: { $0.value >= 128 }) else { return text }
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        return String(validating: bytes, as: UTF8.self) ?? text
    }
}

private final class HandleBox: @unchecked Sendable {
    var handles: [Int: FileHandle]
    init(_ handles: [Int: FileHandle]) { self.handles = handles }
}
