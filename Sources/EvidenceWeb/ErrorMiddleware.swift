import EvidenceStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Turns every error into an answer of the kind the caller reads: JSON under `/api/`, a page
/// elsewhere. Nothing escapes as a bare 500 without a message, and internal errors are logged with
/// the request, never shown.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: Pages

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return answer(error, to: request, context: context)
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not-found" : error.status == .contentTooLarge ? "too-large" : "http-\(error.status.code)"
            let message = error.body ?? error.status.reasonPhrase
            return answer(WebError(error.status, code, message), to: request, context: context)
        } catch is NIOTooManyBytesError {
            // A body over a route's limit: the client's mistake, answered as one (never a 500).
            return answer(WebError(.contentTooLarge, "too-large", "Nội dung gửi lên quá lớn (request body too large)."),
                          to: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return answer(WebError(.internalServerError, "internal", "Lỗi máy chủ; đã ghi nhật ký (internal error, logged)."),
                          to: request, context: context)
        }
    }

    func answer(_ error: WebError, to request: Request, context: WebContext) -> Response {
        var response: Response
        if Self.wantsJSON(request) {
            response = JSONResponse.make(["error": error.code, "message": error.message], status: error.status)
        } else if error.status == .unauthorized {
            // A person without a session goes to the login form, and comes back after.
            let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return Response.redirect(to: "/login?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        } else {
            response = pages.error(error, context: context)
        }
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api/") || request.uri.path == "/healthz" || request.uri.path == "/metrics"
    }
}

/// JSON answers with the encoder every API route uses (ISO dates, stable key order).
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{\"error\":\"internal\",\"message\":\"encoding failed\"}".utf8)
        return Response(status: status, headers: [.contentType: contentType],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Logs every refused access with who asked (it runs after the authenticators, so it knows), then
/// lets the error travel on to `ErrorMiddleware`.
struct RefusalLog: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError where [.unauthorized, .forbidden, .notFound].contains(error.status) {
            context.logger.notice("access refused", metadata: [
                "path": "\(request.uri.path)", "status": "\(error.status.code)", "user": "\(context.identity?.name ?? "-")",
                "address": "\(context.peerAddress)", "code": "\(error.code)"])
            throw error
        }
    }
}
