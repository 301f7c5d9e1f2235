import Foundation
import EvidenceStore
import Logging
import Hummingbird
import HummingbirdAuth

/// A browser's session cookie → its account and CSRF token.
struct SessionAuthenticator: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "evidenced_session"
    let service: WebService

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard context.identity == nil, let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty, cookie.count <= 128
        else { return try await next(request, context) }
        let hash = Secrets.hash(token: cookie)
        var context = context
        if let session = try await service.blocking({ try $0.session(tokenHash: hash) }) {
            context.identity = session.account
            context.session = session
        }
        return try await next(request, context)
    }
}

/// A program's `Authorization: Bearer TOKEN` → its account. A token that is sent but unknown is
/// refused at once (401) rather than treated as anonymous.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = WebContext
    let service: WebService

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard header.lowercased().hasPrefix("bearer ") else { throw WebError.unauthenticated }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.count <= 128,
              let account = try await service.blocking({ try $0.user(tokenHash: Secrets.hash(token: token)) })
        else {
            context.logger.notice("access refused: invalid token", metadata: ["path": "\(request.uri.path)", "address": "\(context.peerAddress)"])
            throw WebError(.unauthorized, "invalid-token", "Mã truy cập không hợp lệ hoặc đã bị thu hồi (invalid or revoked token).") }
        var context = context
        context.identity = account
        context.session = nil
        return try await next(request, context)
    }
}

extension WebContext {
    /// A form's CSRF token must be the session's. Requests authenticated by a bearer token carry no
    /// cookie a third-party page could ride on, so they need none.
    func checkCSRF(_ token: String?) throws {
        guard let session else { return }
        guard let token, Secrets.constantTimeEquals(token, session.csrfToken) else { throw WebError.csrf }
    }
}
