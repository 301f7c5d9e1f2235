import EvidenceWeb
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The web service's router driven in-process: a request in, the whole response out. What
/// HummingbirdTesting's `.router` mode does, without the HTTP client its live modes need.
struct RouterClient: Sendable {
    let responder: RouterResponder<WebContext>
    let logger: Logger

    init(router: Router<WebContext>) {
        responder = router.buildResponder()
        var logger = Logger(label: "web-test")
        logger.logLevel = .critical
        self.logger = logger
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> TestResponse {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                              body: RequestBody(buffer: body ?? ByteBuffer()))
        let response = try await responder.respond(to: request, context: WebContext(logger: logger))
        let box = BodyBox()
        try await response.body.write(BodyCollector(box: box))
        return TestResponse(status: response.status, headers: response.headers, body: box.buffer)
    }
}

struct TestResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
}

private final class BodyBox: @unchecked Sendable { var buffer = ByteBuffer() }

private struct BodyCollector: ResponseBodyWriter {
    let box: BodyBox
    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        box.buffer.writeBuffer(&buffer)
    }
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
