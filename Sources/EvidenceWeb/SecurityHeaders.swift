import HTTPTypes
import Hummingbird

/// Headers every answer carries: no framing, no sniffing, scripts and styles from this origin only.
/// Unsafe methods from another origin are refused before any route runs (with the cookie's
/// SameSite=Strict and the forms' CSRF tokens, the third wall against cross-site requests).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if ![.get, .head, .options].contains(request.method), let origin = request.headers[.origin],
           let host = request.head.authority,
           origin != "null" ? !(origin.hasSuffix("://" + host)) : true {
            throw WebError.forbidden("Yêu cầu từ trang khác bị từ chối (cross-origin request refused).")
        }
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
