import Logging
import EvidenceLoading
import EvidenceService
import EvidenceModel
import EvidenceStore
import EvidenceVerification
import Foundation
import Hummingbird

/// The units' pages: their submissions, a new one, its result.
struct SubmissionRoutes {
    let service: WebService
    let pages: Pages
    let cache: PageCache

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context in
            Response.redirect(to: AccessPolicy.home(of: try AccessPolicy.account(context, may: .pages)))
        }
        router.get("/submissions") { _, context in
            let account = try AccessPolicy.account(context, may: .pages)
            let rows = try await service.access.summaries(for: account).map(SubmissionRow.init)
            return pages.render("submissions", SubmissionsView(chrome: Chrome(context), rows: rows, hasRows: !rows.isEmpty,
                                                             canCreate: AccessPolicy.allows(.createSubmission, account)))
        }
        router.get("/submissions/new") { request, context in try newForm(request, context) }
        router.post("/submissions") { request, context in try await create(request, context) }
        router.get("/submissions/:id") { request, context in try await result(request, context) }
        router.post("/submissions/:id/submit") { request, context in try await submitPrecheck(request, context) }
    }

    private func newForm(_ request: Request, _ context: WebContext, error: String? = nil, frameworkID: String? = nil) throws -> Response {
        _ = try AccessPolicy.account(context, may: .createSubmission)
        let id = frameworkID ?? request.uri.queryParameters["framework"].map(String.init)
        guard let id, let framework = service.catalog[id] else {
            let frameworks = service.catalog.ids.compactMap { service.catalog[$0] }.map { FrameworkOption(id: $0.id, name: $0.name) }
            return pages.render("new-framework", NewFrameworkView(chrome: Chrome(context), frameworks: frameworks))
        }
        let count = min(max(Int(request.uri.queryParameters["claims"].map(String.init) ?? "") ?? 3, 1), 60)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let indicators = framework.allIndicators.filter { $0.children.isEmpty }.map { IndicatorOption($0, framework: framework) }
        return pages.render("new-claims", NewClaimsView(
            chrome: Chrome(context), framework: FrameworkOption(id: framework.id, name: framework.name), error: error,
            periodFrom: "\(year)-01-01", periodTo: "\(year)-12-31",
            indicators: indicators, indicatorCount: indicators.count,
            claims: (0..<count).map { ClaimBlock(index: $0) }, moreClaims: count + 3,
            maxUploadMiB: service.settings.maxUploadMegabytes), status: error == nil ? .ok : .unprocessableContent)
    }

    private func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .createSubmission)
        guard let code = AccessPolicy.unit(of: account), let unit = try await service.blocking({ try $0.unit(code: code) })
        else { throw WebError.notFound }
        let handoff = InboxHandoff(service: service)
        let (folder, upload) = try handoff.stagingFolder()
        do {
            let received = try await UploadReceiver(maxBytes: service.maxUploadBytes)
                .receive(request, into: folder) { fields in try context.checkCSRF(fields.field("_csrf")) }
            try context.checkCSRF(received.field("_csrf"))
            guard let framework = service.catalog[received.field("framework") ?? ""] else {
                throw WebError.invalid("Chưa chọn bộ chỉ số (framework).")
            }
            let submission: Submission
            do {
                submission = try SubmissionForm(received: received, unit: unit, framework: framework).manifest()
                try await handoff.hand(submission, folder: folder, upload: upload)
            } catch let error as WebError where error.status == .badRequest || error.status == .unprocessableContent {
                await handoff.discard(folder)
                return try newForm(request, context, error: error.message + " Hãy chọn lại các tệp.", frameworkID: framework.id)
            }
            context.logger.info("submission uploaded", metadata: ["submission": "\(submission.submission)", "upload": "\(upload)",
                                                                  "files": "\(received.files.count)", "user": "\(account.name)"])
            return Response.redirect(to: "/submissions/\(SubmissionRow.pathComponent(submission.submission))?upload=\(upload)")
        } catch {
            await handoff.discard(folder)
            throw error
        }
    }

    private func result(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .pages)
        let id = try context.parameters.require("id")
        // Just uploaded (`?upload=`): what the inbox says of it changes without the store, so it
        // is never kept.
        guard let upload = request.uri.queryParameters["upload"].map(String.init) else {
            return try await cache.answer(request, context, account: account, service: service, contentType: Pages.contentType) {
                pages.body("result", try await resultView(id: id, account: account, context: context, waiting: false))
            }
        }
        let status = InboxHandoff(service: service).status(of: upload)
        // Not yet taken by the daemon: the id is the unit's own by construction.
        if status != .taken, let code = AccessPolicy.unit(of: account), SubmissionForm.id(id, belongsTo: code) {
            let stored = try? await service.access.submission(id, for: account)
            if stored == nil || status != .waiting {
                return pages.render("result", pendingView(id: id, context: context, status: status))
            }
        }
        return pages.render("result", try await resultView(id: id, account: account, context: context, waiting: status == .waiting))
    }

    /// The submission's result as the store has it; `waiting`: a new revision is still in the inbox.
    private func resultView(id: String, account: UserAccount, context: WebContext, waiting: Bool) async throws -> ResultView {
        let (summary, flags) = try await service.access.flags(ofSubmission: id, for: account)
        let (stored, progress) = try await service.blocking { store in
            (try store.submission(id: id), try store.progress(ofSubmission: id))
        }
        guard let stored else { throw WebError.notFound }
        let framework = service.catalog[summary.framework]
        let checked = summary.state == .checked
        let claims = stored.submission.claims.enumerated().map { index, claim in
            ClaimView(index: index, claim: claim, framework: framework,
                      queued: checked ? flags.filter { $0.claimIndex == index } : [],
                      checked: checked)
        }
        let pending = summary.state == .queued || summary.state == .extracting || waiting
        return ResultView(
            chrome: Chrome(context), id: id, idPath: SubmissionRow.pathComponent(id), unitName: summary.unit.name,
            framework: summary.framework, period: "\(summary.period.from) → \(summary.period.to)", revision: summary.revision,
            precheck: summary.precheck, stateCode: summary.state.rawValue, stateLabel: Labels.state(summary.state),
            stateClass: SubmissionRow.stateClass(summary.state), refresh: pending, refusal: nil,
            failure: summary.failureReason, progress: pending ? progress : nil, checked: checked,
            precheckDone: checked && summary.precheck && AccessPolicy.allows(.createSubmission, account),
            canResubmit: AccessPolicy.allows(.createSubmission, account),
            flaggedClaims: summary.flaggedClaims, needsReview: summary.needsReview > 0 ? summary.needsReview : nil,
            claimCount: summary.claims, claims: claims)
    }

    private func pendingView(id: String, context: WebContext, status: InboxHandoff.Status) -> ResultView {
        var refusal: String?
        if case .refused(let reason) = status { refusal = reason }
        return ResultView(chrome: Chrome(context), id: id, idPath: SubmissionRow.pathComponent(id), unitName: "", framework: "",
                          period: "", revision: nil, precheck: id.hasSuffix("-kiem-tra-thu"),
                          stateCode: refusal == nil ? "waiting" : "refused",
                          stateLabel: refusal == nil ? "Đang chờ tiếp nhận" : "Bị từ chối",
                          stateClass: refusal == nil ? "pending" : "failed", refresh: refusal == nil, refusal: refusal,
                          failure: nil, progress: nil, checked: false, precheckDone: false, canResubmit: true,
                          flaggedClaims: 0, needsReview: nil, claimCount: 0, claims: [])
    }

    /// A checked pre-check becomes the unit's submission: the same files (from the content
    /// store) and claims, under the submission's own id, through the inbox like any upload.
    private func submitPrecheck(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .pages)
        let form = try await FormBody.read(request, context: context)
        try context.checkCSRF(form["_csrf"])
        let id = try context.parameters.require("id")
        _ = try await service.access.submission(id, for: account, to: .submitPrecheck)
        guard let stored = try await service.blocking({ try $0.submission(id: id) }) else { throw WebError.notFound }
        var submission = stored.submission
        // An evidence archive is stored as its members: the pre-check cannot be rebuilt from them.
        let named = Set(submission.claims.flatMap { $0.evidence.map(\.file) })
        guard named.allSatisfy({ stored.files[$0] != nil }) else {
            throw WebError(.unprocessableContent, "resubmit-archive",
                           "Hồ sơ kiểm tra thử có tệp .zip: hãy nộp lại bằng biểu mẫu với cùng các tệp (a pre-check with a .zip is submitted by uploading it again).")
        }
        submission.precheck = nil
        submission.submission = SubmissionForm.id(unit: submission.unit.code, framework: submission.framework,
                                                  from: submission.period.from, to: submission.period.to, precheck: false)
        let handoff = InboxHandoff(service: service)
        let (folder, upload) = try handoff.stagingFolder()
        do {
            let contents = service.contents
            let files = stored.files
            let copied: String? = await DedicatedThread.run {
                do {
                    for (path, sha256) in files {
                        try FileManager.default.copyItem(at: contents.url(of: sha256), to: folder.appendingPathComponent(path))
                    }
                    return nil
                } catch { return "\(error)" }
            }
            if let copied {
                context.logger.error("pre-check copy failed", metadata: ["error": "\(copied)"])
                throw WebError(.internalServerError, "copy-failed", "Không sao chép được tệp; đã ghi nhật ký (copy failed, logged).")
            }
            try await handoff.hand(submission, folder: folder, upload: upload)
        } catch {
            await handoff.discard(folder)
            throw error
        }
        return Response.redirect(to: "/submissions/\(SubmissionRow.pathComponent(submission.submission))?upload=\(upload)")
    }
}

struct FrameworkOption { var id: String; var name: String }
struct NewFrameworkView { var chrome: Chrome; var frameworks: [FrameworkOption] }

struct IndicatorOption {
    var code: String
    var name: String
    var max: String
    var needs: String
    init(_ indicator: Indicator, framework: Framework) {
        code = framework.displayCode(indicator)
        name = indicator.name
        max = Points.text(indicator.maxPoints)
        needs = indicator.evidence.map { rule in
            rule.description ?? rule.types.compactMap { framework.documentTypeName($0) ?? $0 }.joined(separator: ", ")
        } ?? ""
    }
}

// Mustache reads stored properties only (through Mirror): views hold every value they show.
struct ClaimBlock {
    var index: Int
    var number: Int
    var evidence: [EvidenceRow]
    init(index: Int) {
        self.index = index; number = index + 1
        evidence = (0..<3).map { EvidenceRow(claim: index, index: $0, number: $0 + 1) }
    }
}

struct EvidenceRow { var claim: Int; var index: Int; var number: Int }

struct NewClaimsView {
    var chrome: Chrome
    var framework: FrameworkOption
    var error: String?
    var periodFrom: String
    var periodTo: String
    var indicators: [IndicatorOption]
    var indicatorCount: Int
    var claims: [ClaimBlock]
    var moreClaims: Int
    var maxUploadMiB: Int
}
