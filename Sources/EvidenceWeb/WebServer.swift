import EvidenceService
import Foundation
package import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// The web service: pages for people, `/api/v1` for programs, on one Hummingbird application.
package enum WebServer {
    /// The router with every middleware and route; tests drive it in-process.
    /// `cache`: where pages are kept (tests pass theirs to look into it); one of
    /// `web.page_cache_mb` otherwise.
    package static func router(_ service: WebService, cache: PageCache? = nil) throws -> Router<WebContext> {
        let pages = try Pages()
        // First: it gives swift-metrics its backend, which the cache's counters then report to.
        let metrics = WebMetrics()
        let cache = cache ?? PageCache(bytes: service.settings.pageCacheMegabytes << 20)
        let router = Router(context: WebContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorMiddleware(pages: pages))
        router.add(middleware: SecurityHeaders(behindProxy: service.settings.behindProxy))
        router.add(middleware: BearerAuthenticator(service: service))
        router.add(middleware: SessionAuthenticator(service: service))
        // Again inside the authenticators: a route's error page keeps the signed-in menu, and
        // RefusalLog (innermost) logs each refusal with the account that was refused. The outer
        // one answers the authenticators' own refusals (an invalid token).
        router.add(middleware: ErrorMiddleware(pages: pages))
        router.add(middleware: RefusalLog())
        ServiceRoutes(service: service, metrics: metrics).register(on: router)
        LoginRoutes(service: service, pages: pages, throttle: LoginThrottle()).register(on: router)
        SubmissionRoutes(service: service, pages: pages, cache: cache).register(on: router)
        ReviewRoutes(service: service, pages: pages, cache: cache).register(on: router)
        AdminRoutes(service: service, pages: pages).register(on: router)
        SeasonRoutes(service: service, pages: pages).register(on: router)
        ImageRoutes(service: service).register(on: router)
        APIRoutes(service: service, cache: cache).register(on: router)
        return router
    }

    /// The application `evidenced serve` runs: a ServiceLifecycle service (graceful shutdown on
    /// SIGTERM). Idle connections close after 30 s, so a client that stops sending is let go.
    package static func application(_ service: WebService, host: String, port: Int,
                                    onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        throws -> some ApplicationProtocol {
        Application(router: try router(service),
                    server: .http1(configuration: .init(idleTimeout: .seconds(30))),
                    configuration: .init(address: .hostname(host, port: port), serverName: "evidenced"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                    logger: service.logger)
    }
}
