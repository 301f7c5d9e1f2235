import EvidenceStore
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// Server-rendered pages: the Mustache templates of `Templates/`, embedded in the binary (nothing
/// to install next to it) and compiled once at start, every `{{value}}` HTML-escaped by Unicode scalar (`HTMLEscaping`), so text read from
/// documents is shown as text.
package struct Pages: Sendable {
    let library: MustacheLibrary

    package init() throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.pages { try library.register(HTMLEscaping.declaring(text), named: name) }
        self.library = library
    }

    /// Every page template's name (tests render each with hostile values).
    package static var templateNames: [String] { Templates.pages.keys.sorted() }

    /// The page's HTML, nil for an unknown template. The view is reflected once (`ReflectedView`).
    package func html(_ name: String, _ view: Any) -> String? { library.render(ReflectedView.wrap(view), withTemplate: name) }

    static let contentType = "text/html; charset=utf-8"

    func render(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: Self.contentType, .cacheControl: "no-store"], body: .init(byteBuffer: body(name, view)))
    }

    /// The page's bytes (for `PageCache`, which keeps them).
    func body(_ name: String, _ view: Any) -> ByteBuffer {
        ByteBuffer(string: html(name, view) ?? "<!doctype html><p>template \(name) missing</p>")
    }

    func error(_ error: WebError, context: WebContext) -> Response {
        render("error", ErrorView(chrome: Chrome(context), status: Int(error.status.code),
                                  message: error.message), status: error.status)
    }
}

/// What every page's frame shows: who is signed in, the logout form's CSRF token, the menu.
struct Chrome {
    var account: AccountView?
    var csrf: String?

    init(account: UserAccount?, csrf: String?) {
        self.account = account.map(AccountView.init)
        self.csrf = csrf
    }

    init(_ context: WebContext) {
        self.init(account: context.identity, csrf: context.session?.csrfToken)
    }
}

/// Mustache looks a missing key up in the enclosing views (a page's own `unitCode`), so the
/// frame's values are all present and named apart.
struct AccountView {
    var who: String
    var reviews: Bool
    var administers: Bool
    var seesSeason: Bool
    var ownSeason: Bool
    init(_ account: UserAccount) {
        who = [account.name, Labels.role(account.role), account.unitCode].compactMap { $0 }.joined(separator: " · ")
        reviews = AccessPolicy.allows(.review, account)
        administers = AccessPolicy.allows(.manageAccounts, account)
        seesSeason = AccessPolicy.allows(.season, account)
        ownSeason = AccessPolicy.allows(.ownSeason, account)
    }
}

struct ErrorView {
    var chrome: Chrome
    var status: Int
    var message: String
}
