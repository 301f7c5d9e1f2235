import Logging
import EvidenceService
import EvidenceStore
import Foundation
import HTTPTypes
import Hummingbird

/// Login and logout: a form for people; the session is a random cookie whose hash the store keeps.
struct LoginRoutes {
    let service: WebService
    let pages: Pages
    let throttle: LoginThrottle

    func register(on router: Router<WebContext>) {
        router.get("/login") { request, context in
            pages.render("login", LoginView(chrome: Chrome(account: nil, csrf: nil), next: Self.safeNext(request.uri.queryParameters["next"].map(String.init))))
        }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in
            let form = try await FormBody.read(request, context: context)
            try context.checkCSRF(form["_csrf"])
            if let cookie = request.cookies[SessionAuthenticator.cookieName]?.value {
                try await service.blocking { try $0.endSession(tokenHash: Secrets.hash(token: cookie)) }
            }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(sessionCookie("", request: request, maxAge: 0))
            return response
        }
    }

    private func login(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let name = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        let address = clientAddress(request, context)
        let refusal = { (message: String, status: HTTPResponse.Status) in
            pages.render("login", LoginView(chrome: Chrome(account: nil, csrf: nil), next: next, username: name, error: message), status: status)
        }
        if let wait = await throttle.attempt(account: name, address: address) {
            context.logger.notice("login refused: too many attempts", metadata: ["user": "\(name)", "address": "\(address)"])
            var response = refusal("Đăng nhập sai quá nhiều lần; thử lại sau \(Int(wait / 60) + 1) phút.", .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait) + 1)
            return response
        }
        await throttle.checking()
        defer { Task { await throttle.checked() } }
        let account: UserAccount? = try await service.blocking { store in
            // The hash is checked even for unknown names, so timing does not tell which names exist.
            let found = try store.credentials(of: name)
            let hash = found?.passwordHash ?? Self.decoyHash
            let matches = Secrets.verify(password: password, hash: hash)
            guard let found, matches, found.passwordHash != nil, !found.account.disabled else { return nil }
            return found.account
        }
        guard let account else {
            context.logger.notice("login refused", metadata: ["user": "\(name)", "address": "\(address)"])
            return refusal("Tên đăng nhập hoặc mật khẩu không đúng.", .unauthorized)
        }
        await throttle.succeeded(account: name, address: address)
        let token = Secrets.token(), csrf = Secrets.token()
        let lifetime = service.settings.sessionHours * 3600
        try await service.blocking {
            try $0.createSession(tokenHash: Secrets.hash(token: token), user: account.name, csrfToken: csrf,
                                 expiresAt: Date().addingTimeInterval(lifetime))
        }
        context.logger.info("login", metadata: ["user": "\(account.name)", "address": "\(address)"])
        var response = Response.redirect(to: next ?? "/", type: .normal)
        response.setCookie(sessionCookie(token, request: request, maxAge: Int(lifetime)))
        return response
    }

    /// HttpOnly, SameSite=Strict, and Secure when the proxy says the browser used https.
    private func sessionCookie(_ value: String, request: Request, maxAge: Int) -> Cookie {
        let secure = service.settings.behindProxy && request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        return Cookie(name: SessionAuthenticator.cookieName, value: value, maxAge: maxAge, path: "/", secure: secure,
                      httpOnly: true, sameSite: .strict)
    }

    private func clientAddress(_ request: Request, _ context: WebContext) -> String {
        if service.settings.behindProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
           let last = forwarded.split(separator: ",").last {
            // The proxy appends the address it saw: the last entry is the one it vouches for.
            return last.trimmingCharacters(in: .whitespaces)
        }
        return context.peerAddress
    }

    /// Only a path of this site: never `//host` or `https://…` (no open redirect).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.count < 512,
              // Browsers drop tabs and newlines from URLs and read '\' as '/': '/\tevil' is '//evil'.
              !next.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control || $0 == " " })
        else { return nil }
        return next
    }

    /// A valid bcrypt hash of a random password, verified when the name is unknown.
    static let decoyHash = Secrets.hash(password: Secrets.token(), cost: 12)
}

struct LoginView {
    var chrome: Chrome
    var next: String?
    var username: String?
    var error: String?
}
