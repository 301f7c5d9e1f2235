import EvidenceStore
import Foundation
import Hummingbird
import NIOCore

/// What operators and tools read: health, metrics, the API's description, the stylesheet.
struct ServiceRoutes {
    let service: WebService
    let metrics: WebMetrics

    func register(on router: Router<WebContext>) {
        router.get("/healthz") { _, _ in
            let inbox = service.inbox
            let storeOK = (try? await service.blocking { try $0.journalMode() }) != nil
            let inboxOK = FileManager.default.isWritableFile(atPath: inbox.path)
            let body = ["status": storeOK && inboxOK ? "ok" : "unavailable", "store": storeOK ? "ok" : "unreachable",
                        "inbox": inboxOK ? "ok" : "not writable"]
            return JSONResponse.make(body, status: storeOK && inboxOK ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, context in
            _ = try AccessPolicy.account(context, may: .readMetrics)
            let (counts, depth, nodes) = try await service.blocking {
                (try $0.counts(), try? $0.queueDepth(consumer: "scoring"), try $0.nodes())
            }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: metrics.scrape(counts, queueDepth: depth, nodes: nodes))))
        }
        router.get("/api/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        router.get("/static/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Templates.stylesheet)))
        }
        router.get("/static/keys.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Templates.keys)))
        }
    }
}
