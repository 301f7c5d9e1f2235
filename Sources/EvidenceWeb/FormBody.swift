import Foundation
import Hummingbird
import NIOCore

/// An `application/x-www-form-urlencoded` body, read whole (forms here are small).
struct FormBody {
    private(set) var values: [String: [String]] = [:]

    subscript(name: String) -> String? { values[name]?.first }

    static func read(_ request: Request, context: WebContext) async throws -> FormBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            // A client's mistake (or a probe), not the server's: 413 with the limit, nothing logged as an error.
            throw WebError(.contentTooLarge, "too-large",
                           "Biểu mẫu vượt quá \(context.maxUploadSize / 1024) KiB (form body larger than \(context.maxUploadSize / 1024) KiB).")
        }
        return FormBody(String(buffer: buffer))
    }

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true).prefix(1000) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
