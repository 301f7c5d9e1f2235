import UnixSignals
package import EvidenceService
import EvidenceExtraction
import EvidenceLoading
import EvidenceStore
import Foundation
import Hummingbird
package import Logging
import ServiceLifecycle

extension WebServer {
    /// `evidenced serve`: opens the store the daemon writes (SQLite WAL: readers never wait for
    /// it), the frameworks and the content store, and serves until SIGTERM or SIGINT, letting
    /// requests in flight finish.
    package static func serve(configuration: Configuration, logger: Logger,
                              onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        guard let address = configuration.web.address else { throw WebServeError("web.listen must be host:port") }
        ReviewImages.keepLargeBuffersMapped()
        let data = configuration.dataDirectoryURL
        try FileManager.default.createDirectory(at: configuration.inboxURL, withIntermediateDirectories: true)
        let store = try Store.open(configuration.storeLocation())
        let contents = try ContentStore(root: configuration.contentDirectoryURL)
        let images = ReviewImages(store: store, content: contents,
                                  images: try PageImages(cacheDirectory: URL(fileURLWithPath: configuration.reviewCacheDirectory),
                                                         cacheBounds: configuration.review.cacheBounds),
                                  renderQueue: configuration.review.renderQueue)
        let service = WebService(
            store: store,
            catalog: try FrameworkCatalog.load(directory: ModelsLocator.frameworks(configured: configuration.modelsDirectory)),
            inbox: configuration.inboxURL, refused: data.appendingPathComponent("refused", isDirectory: true),
            contents: contents, images: images, settings: configuration.web, logger: logger)
        let app = try application(service, host: address.host, port: address.port, onRunning: onRunning)
        let group = ServiceGroup(configuration: .init(services: [.init(service: app)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

package struct WebServeError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
