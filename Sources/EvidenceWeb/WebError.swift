package import HTTPTypes

/// A refusal with a machine code and a message for people: the API answers it as
/// `{"error": code, "message": ...}`, the pages as an error page.
package struct WebError: Error, Sendable {
    package var status: HTTPResponse.Status
    package var code: String
    package var message: String

    package init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status; self.code = code; self.message = message
    }

    /// Another unit's object, or none: the same answer, so ids reveal nothing.
    package static let notFound = WebError(.notFound, "not-found", "Không tìm thấy (not found).")
    package static let unauthenticated = WebError(.unauthorized, "unauthenticated", "Cần đăng nhập (authentication required).")
    package static func forbidden(_ message: String) -> WebError { WebError(.forbidden, "forbidden", message) }
    package static func invalid(_ message: String) -> WebError { WebError(.badRequest, "invalid", message) }
    package static let csrf = WebError(.forbidden, "csrf", "Phiên biểu mẫu không hợp lệ; hãy tải lại trang (invalid or missing CSRF token).")
    package static func tooLarge(_ limitMiB: Int) -> WebError {
        WebError(.contentTooLarge, "too-large", "Tệp tải lên vượt quá giới hạn \(limitMiB) MiB (upload larger than \(limitMiB) MiB).")
    }
}
