import EvidenceLoading
import EvidenceModel
import EvidenceService
import EvidenceStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The secretariat's pages: the units' roster imported in bulk (`evidenced users import` in a browser).
struct AdminRoutes {
    let service: WebService
    let pages: Pages
    /// A roster of 5,000 rows is a few hundred KiB; anything larger is not a roster.
    static let maxRosterBytes = 2 << 20

    func register(on router: Router<WebContext>) {
        router.get("/admin/units") { _, context in
            _ = try AccessPolicy.account(context, may: .manageAccounts)
            return try await page(context)
        }
        router.post("/admin/units") { request, context in try await importRoster(request, context) }
    }

    private func page(_ context: WebContext, problems: [UnitRosterProblem] = [], outcome: ImportOutcomeView? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let count = try await service.blocking { try $0.units().count }
        return pages.render("admin-units", AdminUnitsView(chrome: Chrome(context), unitCount: count,
                                                          problems: problems.map { ProblemRow(text: $0.description) },
                                                          outcome: outcome, hasProblems: !problems.isEmpty), status: status)
    }

    private func importRoster(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .manageAccounts)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let received = try await UploadReceiver(maxBytes: Self.maxRosterBytes, maxFiles: 1)
            .receive(request, into: folder) { fields in try context.checkCSRF(fields.field("_csrf")) }
        try context.checkCSRF(received.field("_csrf"))
        guard let file = received.files.first(where: { $0.field == "roster" }) else {
            return try await page(context, problems: [UnitRosterProblem(line: 0, "Chưa chọn tệp CSV (no file).")], status: .unprocessableContent)
        }
        let data = try Data(contentsOf: folder.appendingPathComponent(file.name))
        let entries: [UnitRosterEntry]
        switch UnitRoster.read(data) {
        case .success(let read): entries = read
        case .failure(let error): return try await page(context, problems: error.problems, status: .unprocessableContent)
        }
        let cost = service.passwordCost
        let result: (outcome: UnitImportOutcome, passwords: [String: String])
        do {
            result = try await service.blocking { store in try UnitImport(store: store, passwordCost: cost).run(entries) }
        } catch let error as UnitRosterError {
            return try await page(context, problems: error.problems, status: .unprocessableContent)
        }
        context.logger.info("roster imported", metadata: ["user": "\(account.name)", "units": "\(entries.count)",
                                                          "new_accounts": "\(result.outcome.newAccounts.count)"])
        if received.field("download") == "1" {
            let csv = UnitPasswordsCSV.data(result.outcome.newAccounts, passwords: result.passwords)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                                   .contentDisposition: "attachment; filename=\"mat-khau-don-vi.csv\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: csv)))
        }
        return try await page(context, outcome: ImportOutcomeView(result.outcome, passwords: result.passwords))
    }
}

struct AdminUnitsView {
    var chrome: Chrome
    var unitCount: Int
    var problems: [ProblemRow]
    var outcome: ImportOutcomeView?
    /// Stored, not computed: Mustache reads a view's stored properties only.
    var hasProblems: Bool
}

struct ProblemRow { var text: String }

struct ImportOutcomeView {
    var newUnits: Int
    var updatedUnits: Int
    var unchangedUnits: Int
    var newAccountCount: Int
    var newAccounts: [NewAccountRow]
    var hasNewAccounts: Bool

    init(_ outcome: UnitImportOutcome, passwords: [String: String]) {
        newUnits = outcome.newUnits.count; updatedUnits = outcome.updatedUnits.count
        unchangedUnits = outcome.unchangedUnits.count; newAccountCount = outcome.newAccounts.count
        newAccounts = outcome.newAccounts.map {
            NewAccountRow(code: $0.unit.code, name: $0.unit.name, account: $0.accountName,
                          password: passwords[$0.unit.code] ?? "", contact: $0.contact ?? "")
        }
        hasNewAccounts = !newAccounts.isEmpty
    }
}

struct NewAccountRow {
    var code: String
    var name: String
    var account: String
    var password: String
    var contact: String
}
