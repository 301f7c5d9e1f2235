import EvidenceDaemon
import EvidenceExtraction
import EvidenceModel
import EvidenceStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Region and page images, and the original file: the same access rules as everything else (a
/// unit only its own documents). Rendering runs off the concurrency pool; the disk cache makes a
/// second request a file read.
struct ImageRoutes {
    let service: WebService

    func register(on router: Router<WebContext>) {
        router.get("/api/v1/flags/:id/region.png") { _, context in
            let account = try context.account()
            guard let id = Int64(try context.parameters.require("id")),
                  let flag = try await service.blocking({ try $0.flag(id: id) }) else { throw WebError.notFound }
            _ = try await service.visibleSubmission(flag.submission, for: account)
            let images = service.images
            return try png(await DedicatedThread.run { Result { () throws(ReviewImageError) in try images.region(flagId: id) } })
        }
        router.get("/api/v1/documents/:sha256/pages/{page}.png") { request, context in
            let account = try context.account()
            let sha256 = try context.parameters.require("sha256").lowercased()
            try await service.checkDocumentVisible(sha256, for: account)
            guard let page = Int(try context.parameters.require("page")), page >= 1 else { throw WebError.notFound }
            let width = min(max(Int(request.uri.queryParameters["width"].map(String.init) ?? "") ?? 1200, 200), 2400)
            let images = service.images
            return try png(await DedicatedThread.run { Result { () throws(ReviewImageError) in
                try images.page(sha256: sha256, page: page, width: width)
            } })
        }
        router.get("/api/v1/documents/:sha256/original") { _, context in
            let account = try context.account()
            let sha256 = try context.parameters.require("sha256").lowercased()
            try await service.checkDocumentVisible(sha256, for: account)
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

    private func png(_ result: Result<PageImage, ReviewImageError>) throws -> Response {
        switch result {
        case .success(let image):
            return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, max-age=86400"],
                            body: .init(byteBuffer: ByteBuffer(bytes: image.png)))
        case .failure(let error):
            switch error {
            case .unknownFlag, .unknownDocument, .noPlace: throw WebError(.notFound, "no-image", "\(error)")
            case .image(let image):
                switch image {
                case .noPageImage, .noSuchPage: throw WebError(.notFound, "no-image", "\(image)")
                case .invalidRequest: throw WebError.invalid("\(image)")
                case .tooLarge: throw WebError(.unprocessableContent, "too-large", "\(image)")
                case .unreadable: throw WebError(.unprocessableContent, "unreadable", "\(image)")
                }
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
