package import EvidenceService
package import EvidenceLoading
package import EvidenceStore
package import Foundation
package import Logging

/// Everything the routes need: the store, the frameworks, where uploads go, the settings.
package struct WebService: Sendable {
    package var store: Store
    package var catalog: FrameworkCatalog
    /// The daemon's inbox: a finished upload is renamed into it whole.
    package var inbox: URL
    /// Where the daemon moves refused uploads (`<data>/refused`), with the reason.
    package var refused: URL
    /// The daemon's content store: originals by sha256 (a pre-check is submitted from these).
    package var contents: ContentStore
    /// Page and region images of the review screens (rendered from the originals, cached on disk).
    package var images: ReviewImages
    package var settings: Configuration.Web
    /// bcrypt cost of new passwords; tests lower it.
    package var passwordCost: UInt8
    package var logger: Logger
    /// Where requests' short blocking calls run (`blocking`): a fixed few
    /// threads, so a burst of requests queues instead of starting a thread each.
    package let blockingThreads: FixedThreadPool

    /// Threads for requests' blocking calls: SQLite lets five readers at once and bcrypt takes a
    /// core; more would only queue elsewhere.
    package static let defaultBlockingThreads = 8

    package init(store: Store, catalog: FrameworkCatalog, inbox: URL, refused: URL, contents: ContentStore,
                 images: ReviewImages, settings: Configuration.Web, passwordCost: UInt8 = 12, logger: Logger,
                 blockingThreads: Int = Self.defaultBlockingThreads) {
        self.store = store; self.catalog = catalog; self.inbox = inbox; self.refused = refused; self.contents = contents
        self.images = images
        self.settings = settings; self.passwordCost = passwordCost; self.logger = logger
        self.blockingThreads = FixedThreadPool(threads: blockingThreads, name: "evidenced-web-blocking")
    }

    /// Runs store work (SQLite, bcrypt) off the concurrency pool: those calls block their thread.
    /// `threads`: another pool than `blockingThreads` (the image routes use the images' lookup
    /// threads, so a flood of image requests queues behind itself, not in front of other routes).
    package func blocking<Value: Sendable>(on threads: FixedThreadPool? = nil,
                                           _ work: @escaping @Sendable (Store) throws -> Value) async throws -> Value {
        let store = self.store
        return try await (threads ?? blockingThreads).run { Result { try work(store) } }.get()
    }

    package var maxUploadBytes: Int { settings.maxUploadMegabytes << 20 }
}
