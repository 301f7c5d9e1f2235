package import EvidenceStore
package import Hummingbird
import HummingbirdAuth
import NIOCore
package import Logging

/// What a route knows of its request beyond the request itself: who is asking, and how.
package struct WebContext: AuthRequestContext, RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The account, from a session cookie or a bearer token; nil when anonymous.
    package var identity: UserAccount?
    /// Set when the identity came from a session cookie: forms must then carry its CSRF token.
    package var session: WebSession?
    /// The peer's address (the proxy's, when behind one: see `clientAddress`).
    package let peerAddress: String

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// A context without a connection, for driving the router in-process (tests).
    package init(logger: Logger, peerAddress: String = "unknown") {
        self.coreContext = .init(source: LoggerSource(logger: logger))
        self.peerAddress = peerAddress
    }

    /// Bodies decoded whole (login forms, JSON) are small; uploads stream and have their own limit.
    package var maxUploadSize: Int { 256 * 1024 }
}

private struct LoggerSource: RequestContextSource {
    let logger: Logger
}
