import EvidenceService
import EvidenceExtraction
import EvidenceLoading
import EvidenceModel
import EvidenceStore
import EvidenceWeb
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Testing

/// A web service on a temporary store, inbox and content store, with two units (Ba Tơ and Sơn
/// Hà), an appraiser, a consumer and an admin, each with a known password or token, and one
/// checked submission per unit.
struct WebHarness {
    let root: URL
    let service: WebService
    var store: Store { service.store }
    static let password = "correct horse battery"
    static let bato = Submission.Unit(code: "H-BATO", name: "ỦY BAN NHÂN DÂN HUYỆN BA TƠ", level: .district)
    static let sonha = Submission.Unit(code: "H-SONHA", name: "ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ", level: .district)
    static let framework = "thanhhoa-dti-district-2021"
    private(set) var tokens: [String: String] = [:]
    static let batoDocument = String(repeating: "a", count: 64)
    static let sonhaDocument = String(repeating: "b", count: 64)

    /// `renderQueue`: renders that may wait for a render thread (0: none is taken, every
    /// uncached image is answered 503, as when the queue is full).
    init(renderQueue: Int = ReviewImages.defaultRenderQueue) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models/frameworks")
        var logger = Logger(label: "web-test")
        logger.logLevel = .critical
        let store = try Store(path: root.appendingPathComponent("data/evidenced.sqlite").path)
        let contents = try ContentStore(root: root.appendingPathComponent("data/objects"))
        let images = ReviewImages(store: store, content: contents,
                                  images: try PageImages(cacheDirectory: root.appendingPathComponent("data/cache/pages")),
                                  renderQueue: renderQueue)
        service = WebService(store: store,
                             catalog: try FrameworkCatalog.load(directory: models),
                             inbox: root.appendingPathComponent("inbox"), refused: root.appendingPathComponent("data/refused"),
                             contents: contents, images: images,
                             settings: Configuration.Web(maxUploadMegabytes: 1), passwordCost: 4, logger: logger)
        let accounts = Accounts(store: store, passwordCost: 4)
        for (name, role, unit) in [("bato", UserRole.unit, Self.bato), ("sonha", .unit, Self.sonha),
                                   ("council", .appraiser, nil), ("scoring", .consumer, nil), ("root", .admin, nil)] {
            _ = try accounts.add(UserAccount(name: name, role: role, unitCode: unit?.code), unit: unit)
            try store.setPasswordHash(Secrets.hash(password: Self.password, cost: 4), for: name)
            tokens[name] = try accounts.issueToken(for: name)
        }
        try seed("bato-huyen-2024", unit: Self.bato, document: Self.batoDocument,
                 message: "Người ký khác <script>alert('x')</script>")
        try seed("sonha-huyen-2024", unit: Self.sonha, document: Self.sonhaDocument, message: "Số văn bản không khớp")
    }

    /// A checked submission with one flag on its first claim and one parsed document: the flag's id.
    @discardableResult
    private func seed(_ id: String, unit: Submission.Unit, document: String, message: String, precheck: Bool = false,
                      manifest: String? = nil) throws -> Int64 {
        let submission = Submission(submission: id, unit: unit, framework: Self.framework,
                                    period: .init(from: "2024-01-01", to: "2024-12-31"),
                                    claims: [.init(indicator: "2.1.2", score: 3, evidence: [.init(file: "kh.pdf", number: "12/KH-UBND")]),
                                             .init(indicator: "1.3.1", score: 5, evidence: [.init(file: "kh.pdf")])],
                                    precheck: precheck ? true : nil)
        _ = try store.recordSubmission(submission, manifestSHA256: manifest ?? String(repeating: "c", count: 63) + (id.hasPrefix("bato") ? "1" : "2"),
                                       files: ["kh.pdf": document])
        let page = PageText(page: 1, source: .text, text: "KẾ HOẠCH <b>số 12</b>")
        try store.saveDocument(ExtractedDocument(file: "kh.pdf", sha256: document, format: .pdf, pages: 1, perPage: [page]), fields: nil)
        return try store.recordResult(SubmissionResult(submission: id, unit: unit, claims: [
            ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [Flag(reason: .signerMismatch, message: message, file: "kh.pdf",
                                                                             page: 1, expected: "A", found: "<img src=x onerror=alert(1)>")]),
            ClaimResult(index: 1, indicator: "1.3.1", score: 5, flags: []),
        ]))[0]
    }

    /// Sơn Hà's checked pre-check, its evidence a small file in the content store (so it can be
    /// submitted): its id, its flag and its document.
    func seedPrecheck() throws -> (id: String, flag: Int64, sha256: String) {
        let file = root.appendingPathComponent("precheck.pdf")
        try Data("%PDF-1.4 pre-check evidence".utf8).write(to: file)
        let sha256 = try service.contents.put(fileAt: file)
        let id = "sonha-huyen-2024-kiem-tra-thu"
        let flag = try seed(id, unit: Self.sonha, document: sha256, message: "Pre-check flag", precheck: true,
                            manifest: String(repeating: "e", count: 64))
        return (id, flag, sha256)
    }

    /// The flag seeded on a unit's checked submission.
    func flagID(of submission: String) throws -> Int64 { try #require(try store.list(submission: submission).first).id }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A checked Ba Tơ submission whose evidence is a real PDF in the content store, flagged on
    /// page 2 with the signature block's box: the region image can be rendered.
    @discardableResult
    func seedRealDocument(box: Box = Box(x: 0.55, y: 0.55, width: 0.35, height: 0.2)) throws -> (flag: Int64, sha256: String) {
        let pdf = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/submissions/bato-huyen-2024/kh-12-cntt-2024.pdf")
        let sha256 = try service.contents.put(fileAt: pdf)
        let submission = Submission(submission: "bato-real-2024", unit: Self.bato, framework: Self.framework,
                                    period: .init(from: "2024-01-01", to: "2024-12-31"),
                                    claims: [.init(indicator: "2.1.2", score: 3, evidence: [.init(file: "kh-12.pdf", signer: "Phạm Thanh Tùng")])])
        _ = try store.recordSubmission(submission, manifestSHA256: String(repeating: "d", count: 64), files: ["kh-12.pdf": sha256])
        let pages = [PageText(page: 1, source: .text, text: "KẾ HOẠCH"), PageText(page: 2, source: .text, text: "Đinh Thị Hồng Nhung")]
        try store.saveDocument(ExtractedDocument(file: "kh-12.pdf", sha256: sha256, format: .pdf, pages: 2, perPage: pages), fields: nil)
        let ids = try store.recordResult(SubmissionResult(submission: "bato-real-2024", unit: Self.bato, claims: [
            ClaimResult(index: 0, indicator: "2.1.2", score: 3, flags: [
                Flag(reason: .signerMismatch, message: "Người ký văn bản khác với người đơn vị kê khai.", file: "kh-12.pdf", page: 2,
                     expected: "Phạm Thanh Tùng", found: "Đinh Thị Hồng Nhung", field: .signer, box: box)]),
        ]))
        return (ids[0], sha256)
    }

    /// `cache`: the router's kept pages, when the test looks into them.
    func test(cache: PageCache? = nil, _ body: @escaping @Sendable (RouterClient) async throws -> Void) async throws {
        try await body(RouterClient(router: try WebServer.router(service, cache: cache)))
    }

    /// An API token for an account added by a test.
    mutating func addToken(for name: String) throws { tokens[name] = try Accounts(store: store, passwordCost: 4).issueToken(for: name) }

    func bearer(_ name: String) -> HTTPFields { [.authorization: "Bearer \(tokens[name]!)"] }

    /// Inbox entries the daemon would take (hidden staging folders excluded).
    func inboxEntries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: service.inbox.path).filter { !$0.hasPrefix(".") }
    }
    func stagingEntries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: service.inbox.path).filter { $0.hasPrefix(".") }
    }
}

/// A browser's session: the cookie and the CSRF token from a page's form.
struct BrowserSession: Sendable {
    var cookie: String
    var csrf: String
    var headers: HTTPFields { [.cookie: "evidenced_session=\(cookie)"] }

    static func login(_ client: RouterClient, user: String, password: String = WebHarness.password) async throws -> BrowserSession? {
        let response = try await client.execute(uri: "/login", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "username=\(user)&password=\(password.replacingOccurrences(of: " ", with: "+"))"))
        guard response.status == .seeOther, let setCookie = response.headers[.setCookie],
              let value = setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last else { return nil }
        var session = BrowserSession(cookie: String(value), csrf: "")
        let page = try await client.execute(uri: "/submissions", method: .get, headers: session.headers)
        let html = String(buffer: page.body)
        if let range = html.range(of: "name=\"_csrf\" value=\"") {
            session.csrf = String(html[range.upperBound...].prefix { $0 != "\"" })
        }
        return session
    }
}

/// A multipart body built in memory (tests only; the server streams it).
struct Multipart {
    let boundary = "----evidenced\(UUID().uuidString.prefix(8))"
    var body = ""
    mutating func field(_ name: String, _ value: String) {
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
    }
    mutating func file(_ name: String, filename: String, _ content: String) {
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n\(content)\r\n"
    }
    var buffer: ByteBuffer { ByteBuffer(string: body + "--\(boundary)--\r\n") }
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}
