import EvidenceService
import EvidenceExtraction
import EvidenceModel
import EvidenceStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Region and page images, and the original file: the same access rules as everything else (a
/// unit only its own documents).
///
/// An image is looked up and read from the disk cache on lookup threads of its own, and a miss
/// rendered on the render threads, a fixed few, behind a bounded queue (`ReviewImages.png`). When
/// that queue is full the answer is 503 with Retry-After at once: a flood of requests costs short
/// answers, not threads and memory, and what is cached is still served.
struct ImageRoutes {
    let service: WebService

    /// Seconds a client is told to wait when rendering is at capacity: a few renders' time.
    static let retryAfterSeconds = 5

    func register(on router: Router<WebContext>) {
        router.get("/api/v1/flags/:id/region.png") { _, context in
            let account = try AccessPolicy.account(context, may: .api)
            // The access checks on the images' lookup threads too: see `WebService.blocking(on:)`.
            let (flag, _) = try await service.access.flag(try context.parameters.require("id"), for: account, on: service.images.lookups)
            return try await png { () async throws(ReviewImageError) in try await service.images.png(regionOf: flag.id) }
        }
        router.get("/api/v1/documents/:sha256/pages/{page}.png") { request, context in
            let account = try AccessPolicy.account(context, may: .api)
            let sha256 = try await service.access.document(try context.parameters.require("sha256"), for: account,
                                                           on: service.images.lookups)
            guard let page = Int(try context.parameters.require("page")), page >= 1 else { throw WebError.notFound }
            // Snapped to one of a few widths by PageImages (the next one up), so a client naming
            // every width from 200 to 2400 gets five images rendered and cached, not 2201.
            let width = Int(request.uri.queryParameters["width"].map(String.init) ?? "") ?? 1200
            return try await png { () async throws(ReviewImageError) in try await service.images.png(sha256: sha256, page: page, width: width) }
        }
        router.get("/api/v1/documents/:sha256/original") { _, context in
            let account = try AccessPolicy.account(context, may: .api)
            let sha256 = try await service.access.document(try context.parameters.require("sha256"), for: account)
            let document = try await service.blocking { try $0.document(sha256: sha256) }
            // Streamed from disk in chunks: an original can be hundreds of MiB.
            let body = try await FileIO().loadFile(path: service.contents.url(of: sha256).path, context: context)
            let format = document?.extracted?.format
            let name = Self.downloadName(document?.extracted?.file ?? sha256)
            return Response(status: .ok, headers: [
                .contentType: Self.mediaType(format), .cacheControl: "private, max-age=3600",
                .contentDisposition: "attachment; filename=\"\(name.ascii)\"; filename*=UTF-8''\(name.encoded)",
            ], body: body)
        }
    }

    private func png(_ make: () async throws(ReviewImageError) -> Data) async throws -> Response {
        let png: Data
        do { png = try await make() } catch { throw Self.webError(error) }
        return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, max-age=86400"],
                        body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    static func webError(_ error: ReviewImageError) -> WebError {
        switch error {
        case .unknownFlag, .unknownDocument, .noPlace: return WebError(.notFound, "no-image", "\(error)")
        case .busy:
            return .busy("Máy chủ đang bận vẽ ảnh; hãy thử lại sau ít giây (\(error)).", retryAfter: retryAfterSeconds)
        case .image(let image):
            switch image {
            case .noPageImage, .noSuchPage: return WebError(.notFound, "no-image", "\(image)")
            case .invalidRequest: return WebError.invalid("\(image)")
            case .tooLarge: return WebError(.unprocessableContent, "too-large", "\(image)")
            case .unreadable: return WebError(.unprocessableContent, "unreadable", "\(image)")
            }
        }
    }

    static func mediaType(_ format: FileFormat?) -> String {
        switch format {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .tiff: "image/tiff"
        case .heic: "image/heic"
        default: "application/octet-stream"
        }
    }

    static func downloadName(_ name: String) -> (ascii: String, encoded: String) {
        let base = (name as NSString).lastPathComponent
        let ascii = String(base.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        return (ascii, base.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii)
    }
}
