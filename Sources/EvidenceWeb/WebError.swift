package import HTTPTypes

/// A refusal with a machine code and a message for people: the API answers it as
/// `{"error": code, "message": ...}`, the pages as an error page.
package struct WebError: Error, Sendable {
    package var status: HTTPResponse.Status
    package var code: String
    package var message: String
    /// Seconds after which trying again makes sense (a 503 when the service is at capacity): sent
    /// as `Retry-After`.
    package var retryAfter: Int?

    package init(_ status: HTTPResponse.Status, _ code: String, _ message: String, retryAfter: Int? = nil) {
        self.status = status; self.code = code; self.message = message; self.retryAfter = retryAfter
    }

    /// Another unit's object, or none: the same answer, so ids reveal nothing.
    package static let notFound = WebError(.notFound, "not-found", "Không tìm thấy (not found).")
    package static let unauthenticated = WebError(.unauthorized, "unauthenticated", "Cần đăng nhập (authentication required).")
    package static func forbidden(_ message: String) -> WebError { WebError(.forbidden, "forbidden", message) }
    package static func invalid(_ message: String) -> WebError { WebError(.badRequest, "invalid", message) }
    package static let csrf = WebError(.forbidden, "csrf", "Phiên biểu mẫu không hợp lệ; hãy tải lại trang (invalid or missing CSRF token).")
    /// At capacity (every image render thread busy and the queue in front full): answered at once
    /// instead of queueing without bound.
    package static func busy(_ message: String, retryAfter: Int) -> WebError {
        WebError(.serviceUnavailable, "busy", message, retryAfter: retryAfter)
    }
    package static func tooLarge(_ limitMiB: Int) -> WebError {
        WebError(.contentTooLarge, "too-large", "Tệp tải lên vượt quá giới hạn \(limitMiB) MiB (upload larger than \(limitMiB) MiB).")
    }
}
