import Logging
import EvidenceService
import EvidenceLoading
import EvidenceModel
import EvidenceStore
import Foundation
import Hummingbird

/// `/api/v1`: the same objects and rules as the pages, for programs (OpenAPIDocument.swift).
struct APIRoutes {
    let service: WebService
    let cache: PageCache

    func register(on router: Router<WebContext>) {
        let api = router.group("/api/v1")
        api.get("/submissions") { _, context in
            let account = try AccessPolicy.account(context, may: .api)
            let summaries = try await service.access.summaries(for: account)
            return JSONResponse.make(summaries.map { APISubmission($0) })
        }
        api.post("/submissions") { request, context in try await create(request, context) }
        api.get("/submissions/:id") { request, context in
            let account = try AccessPolicy.account(context, may: .api)
            let id = try context.parameters.require("id")
            let summary = try await service.access.submission(id, for: account)
            let (progress, files) = try await service.blocking { (try $0.progress(ofSubmission: id), try $0.submission(id: id)?.files) }
            return JSONResponse.make(APISubmission(summary, progress: progress, files: files))
        }
        api.get("/submissions/:id/results") { request, context in try await results(request, context) }
        api.get("/flags") { request, context in try await flags(request, context) }
        api.get("/queue") { request, context in
            let account = try AccessPolicy.account(context, may: .consume)
            let limit = min(max(Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 100, 1), 1_000)
            let events = try await service.blocking { try $0.pullEvents(consumer: account.name, limit: limit) }
            return JSONResponse.make(events.map(APIQueueEvent.init))
        }
        api.post("/queue/ack") { request, context in
            let account = try AccessPolicy.account(context, may: .consume)
            try context.checkCSRF(request.headers[.init("X-CSRF-Token")!])
            let ack: APIAck
            do { ack = try await request.decode(as: APIAck.self, context: context) } catch {
                throw WebError.invalid("Cần JSON {\"ids\": [số], \"decisions\": [số], \"scores\": [số]} (expected {\"ids\": [integers], \"decisions\": [integers], \"scores\": [integers]}).")
            }
            let acks = QueueAcks(flags: ack.ids ?? [], decisions: ack.decisions ?? [], scores: ack.scores ?? [])
            guard acks.flags.count + acks.decisions.count + acks.scores.count <= 10_000 else { throw WebError.invalid("at most 10000 ids per ack") }
            do {
                let acked = try await service.blocking { try $0.ack(consumer: account.name, acks) }
                return JSONResponse.make(APIAcked(acked: acked))
            } catch let error as StoreError {
                throw WebError(.unprocessableContent, "unknown-flags", "\(error)")
            }
        }
        api.get("/flags/:id/decisions") { _, context in
            let (_, flag) = try await visibleFlag(context)
            return JSONResponse.make(try await service.blocking { try $0.decisions(flagId: flag.id) })
        }
        api.post("/flags/:id/decisions") { request, context in
            let (account, flag) = try await visibleFlag(context, to: .decide)
            try context.checkCSRF(request.headers[.init("X-CSRF-Token")!])
            let body: APIDecisionRequest
            do { body = try await request.decode(as: APIDecisionRequest.self, context: context) } catch {
                throw WebError.invalid("expected {\"action\": \"confirm|dismiss|answer\", \"supportedScore\", \"answer\", \"comment\"}")
            }
            guard let action = DecisionAction(rawValue: body.action) else { throw WebError.invalid("action must be confirm, dismiss or answer") }
            do {
                let decision = try await service.blocking { store in
                    try store.decide(flagId: flag.id, by: account.name, action: action, supportedScore: body.supportedScore,
                                     answer: body.answer, comment: body.comment)
                }
                return JSONResponse.make(decision, status: .created)
            } catch let error as StoreError {
                throw WebError(.unprocessableContent, "invalid-decision", "\(error)")
            }
        }
        api.get("/flags/export.csv") { request, context in
            let account = try AccessPolicy.account(context, may: .export)
            let trail = request.uri.queryParameters["trail"] == "true"
            let flags = try await service.access.flags(for: account)
            let decisions = try await service.blocking { try $0.allDecisions() }
            let data = FlagCSV.data(flags, decisions: Dictionary(grouping: decisions, by: \.flagId), trail: trail)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"flags.csv\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        api.get("/scores") { request, context in
            let (query, units) = try await scores(request, context)
            return JSONResponse.make(scores: APIScores(framework: query.framework, period: query.period?.text, units: units.map(APIUnitScores.init)))
        }
        api.get("/scores.csv") { request, context in
            let (_, units) = try await scores(request, context)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"scores.csv\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: ScoresCSV.data(units))))
        }
        api.get("/documents/:sha256") { _, context in
            let (sha256, document) = try await document(context)
            return JSONResponse.make(APIDocument(sha256: sha256, state: document.state.rawValue,
                                                 format: document.extracted?.format.rawValue, pages: document.extracted?.pages,
                                                 fields: document.fields, failure: document.failure))
        }
        api.get("/documents/:sha256/pages") { _, context in
            let (_, document) = try await document(context)
            let pages = (document.extracted?.perPage ?? []).map {
                APIPage(page: $0.page, source: $0.source.rawValue, confidence: $0.confidence, rotation: $0.rotation, text: $0.text)
            }
            return JSONResponse.make(pages)
        }
    }

    /// A season's scores as the account may read them: `framework` (required, a known one),
    /// `period` (a year, or FROM/TO), `unit` (one unit's code).
    private func scores(_ request: Request, _ context: WebContext) async throws -> (SeasonQuery, [UnitScores]) {
        let account = try AccessPolicy.account(context, may: .readScores)
        let parameters = request.uri.queryParameters
        guard let framework = parameters["framework"].map(String.init), service.catalog[framework] != nil else {
            throw WebError.invalid("framework: cần mã bộ chỉ số đã biết (a known framework id is required)")
        }
        let period = try parameters["period"].map(String.init).map { text in
            guard let period = SeasonPeriod(text) else { throw WebError.invalid("period: a year (2024) or FROM/TO (2024-01-01/2024-12-31)") }
            return period
        }
        let unit = parameters["unit"].map(String.init)
        let units = try await service.access.scores(framework: framework, period: period, unit: unit, for: account)
        return (SeasonQuery(framework: framework, period: period), units)
    }

    private func visibleFlag(_ context: WebContext, to use: AccessPolicy.Use = .read) async throws -> (UserAccount, QueuedFlag) {
        let account = try AccessPolicy.account(context, may: .api)
        let (flag, _) = try await service.access.flag(try context.parameters.require("id"), for: account, to: use)
        return (account, flag)
    }

    private func document(_ context: WebContext) async throws -> (String, StoredDocument) {
        let account = try AccessPolicy.account(context, may: .api)
        let sha256 = try await service.access.document(try context.parameters.require("sha256"), for: account)
        guard let document = try await service.blocking({ try $0.document(sha256: sha256) }) else { throw WebError.notFound }
        return (sha256, document)
    }

    private func results(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .api)
        let id = try context.parameters.require("id")
        let (summary, flags) = try await service.access.flags(ofSubmission: id, for: account)
        guard let stored = try await service.blocking({ try $0.submission(id: id) }) else { throw WebError.notFound }
        let checked = summary.state == .checked
        let claims = stored.submission.claims.enumerated().map { index, claim in
            let mine = checked ? flags.filter { $0.claimIndex == index } : []
            let verdict = ClaimVerdict.of(mine.map(\.flag.reason), checked: checked)
            return APIClaimResult(index: index, indicator: claim.indicator, score: claim.score, verdict: verdict,
                                  flags: mine.map(APIFlag.init))
        }
        return JSONResponse.make(APIResults(submission: id, state: summary.state.rawValue, revision: summary.revision, claims: claims))
    }

    private func flags(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .api)
        let query = request.uri.queryParameters
        let after = Int64(query["after"].map(String.init) ?? "") ?? 0
        let limit = min(max(Int(query["limit"].map(String.init) ?? "") ?? 100, 1), 1_000)
        let reasonCode = query["reason"].map(String.init)
        let reason = reasonCode.flatMap(FlagReason.init(rawValue:))
        if let reasonCode, reason == nil { throw WebError.invalid("unknown reason '\(reasonCode)'") }
        return try await cache.answer(request, context, account: account, service: service, contentType: JSONResponse.contentType,
                                      revalidate: true) {
            let flags: [QueuedFlag]
            if let id = query["submission"].map(String.init) {
                flags = try await service.access.flags(ofSubmission: id, for: account).1
                    .filter { $0.id > after && (reason == nil || $0.flag.reason == reason) }
            } else {
                flags = try await service.access.flags(for: account, after: after, reason: reason, limit: limit)
            }
            return APIFlag.json(flags.prefix(limit).map(APIFlag.init))
        }
    }

    /// A submission from a program: `manifest` (submission.json) and its files as multipart parts,
    /// each file part named by its path in the manifest.
    private func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .uploadSubmission)
        let handoff = InboxHandoff(service: service)
        let (folder, upload) = try handoff.stagingFolder()
        do {
            let received = try await UploadReceiver(maxBytes: service.maxUploadBytes)
                .receive(request, into: folder) { fields in try context.checkCSRF(request.headers[.init("X-CSRF-Token")!] ?? fields.field("_csrf")) }
            guard let text = received.field("manifest") else { throw WebError.invalid("missing the 'manifest' part (submission.json)") }
            let loaded: LoadedSubmission
            do { loaded = try SubmissionLoader(catalog: service.catalog).decode(json: text) } catch {
                throw WebError(.unprocessableContent, "invalid-submission", error.withoutFolder.description)
            }
            var submission = loaded.submission
            if let problem = SubmissionIdentifier.problem(submission.submission) {
                throw WebError(.unprocessableContent, "invalid-submission", problem)
            }
            if let code = AccessPolicy.unit(of: account) {
                // A unit's ids begin with its own code, and never with a longer code of another unit.
                let units = try await service.blocking { try $0.units().map(\.code) }
                guard SubmissionIdentifier.may(code, create: submission.submission, registeredUnits: units) else {
                    throw WebError(.unprocessableContent, "invalid-submission",
                                   "submission: a unit's ids begin with its code in lower case and '-' ('\(SubmissionForm.slug(account.unitCode ?? ""))-…'), and not with another unit's")
                }
                guard submission.unit.code == code,
                      let unit = try await service.blocking({ try $0.unit(code: code) }) else {
                    throw WebError.forbidden("unit.code must be your own unit (\(account.unitCode ?? "?"))")
                }
                submission.unit = unit
            }
            let names = Set(received.files.map(\.name))
            for file in Set(submission.claims.flatMap { $0.evidence.map(\.file) }) where !names.contains(file) {
                throw WebError(.unprocessableContent, "file-missing", "the manifest names '\(file)' but no file part has that name")
            }
            try await handoff.hand(submission, folder: folder, upload: upload)
            let location = "/api/v1/submissions/\(SubmissionRow.pathComponent(submission.submission))"
            context.logger.info("submission uploaded", metadata: ["submission": "\(submission.submission)", "upload": "\(upload)",
                                                                  "user": "\(account.name)"])
            var response = JSONResponse.make(APIUploadAccepted(submission: submission.submission, upload: upload,
                                                               status: "waiting", location: location), status: .accepted)
            response.headers[.location] = location
            return response
        } catch {
            await handoff.discard(folder)
            throw error
        }
    }
}
