import HTTPTypes
import Hummingbird

/// Headers every answer carries: no framing, no sniffing, scripts and styles from this origin only.
/// Unsafe methods from another origin are refused before any route runs (with the cookie's
/// SameSite=Strict and the forms' CSRF tokens, the third wall against cross-site requests).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebContext
    /// Behind a TLS proxy the browser's origin is https (as `X-Forwarded-Proto` says); otherwise http.
    var behindProxy = false

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if ![.get, .head, .options].contains(request.method), let origin = request.headers[.origin] {
            let scheme = behindProxy ? (request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() ?? "http") : "http"
            guard let host = request.head.authority, SameOrigin.check(origin, scheme: scheme, authority: host) else {
                throw WebError.forbidden("Yêu cầu từ trang khác bị từ chối (cross-origin request refused).")
            }
        }
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        // Answers carry a unit's data: no shared or browser cache keeps them unless a route says so
        // (the stylesheet does).
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if behindProxy, request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" {
            response.headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000"
        }
        return response
    }
}

/// The Origin check of unsafe requests.
package enum SameOrigin {
    /// Whether `origin` (`scheme://host[:port]`, as browsers send it) is exactly this site: the same
    /// scheme, host and port, a default port written or not. Never a suffix match: `http://evil-
    /// example.org` is not `example.org`, nor `https://` when the site is served over http.
    package static func check(_ origin: String, scheme: String, authority: String) -> Bool {
        let parts = origin.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].lowercased() == scheme else { return false }
        let defaultPort = scheme == "https" ? "443" : "80"
        return normalized(String(parts[1]), defaultPort: defaultPort) == normalized(authority, defaultPort: defaultPort)
    }

    /// 'host:port' in lower case with the default port written, or nil for anything with a path,
    /// user information or other characters a bare authority never holds.
    private static func normalized(_ authority: String, defaultPort: String) -> String? {
        let text = authority.lowercased()
        guard !text.isEmpty, !text.contains(where: { "/?#@\\ ".contains($0) }) else { return nil }
        // '[::1]:8080', 'localhost', '127.0.0.1:8080'
        if let close = text.lastIndex(of: "]") {
            let host = text[...close]
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return String(host) + ":" + defaultPort }
            guard rest.hasPrefix(":"), rest.count > 1, rest.dropFirst().allSatisfy(\.isNumber) else { return nil }
            return String(text)
        }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        switch pieces.count {
        case 1: return text + ":" + defaultPort
        case 2:
            guard !pieces[0].isEmpty, !pieces[1].isEmpty, pieces[1].allSatisfy(\.isNumber) else { return nil }
            return text
        default: return nil
        }
    }
}
