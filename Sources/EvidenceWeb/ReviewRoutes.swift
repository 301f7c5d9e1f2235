import Logging
import EvidenceLoading
import EvidenceService
import EvidenceExtraction
import EvidenceModel
import EvidenceStore
import EvidenceVerification
import Foundation
import Hummingbird
import NIOCore

/// The appraisers' review: the queue, one flag with its region, decisions. A unit sees the same
/// flag page for its own flags, read-only.
struct ReviewRoutes {
    let service: WebService
    let pages: Pages
    let cache: PageCache

    func register(on router: Router<WebContext>) {
        router.get("/review") { request, context in
            let account = try AccessPolicy.account(context, may: .review)
            return try await cache.answer(request, context, account: account, service: service, contentType: Pages.contentType) {
                try await queue(request, context, account: account)
            }
        }
        router.get("/review/flags/:id") { request, context in
            let account = try AccessPolicy.account(context, may: .pages)
            return try await cache.answer(request, context, account: account, service: service, contentType: Pages.contentType) {
                try await flagPageBody(context, error: nil)
            }
        }
        router.post("/review/flags/:id/decision") { request, context in try await decide(request, context) }
    }

    private func queue(_ request: Request, _ context: WebContext, account: UserAccount) async throws -> ByteBuffer {
        let params = request.uri.queryParameters
        func text(_ name: String) -> String? {
            guard let value = params[name[...]].map({ String($0).trimmingCharacters(in: .whitespaces) }), !value.isEmpty else { return nil }
            return value
        }
        let reason = text("reason").flatMap(FlagReason.init(rawValue:))
        let state = text("state").flatMap(ReviewQuery.State.init(rawValue:))
        let order = text("order").flatMap(ReviewQuery.Order.init(rawValue:)) ?? .newest
        let scope = AccessPolicy.reviewScope(of: account)
        let query = ReviewQuery(units: scope.units, frameworks: scope.frameworks, unit: text("unit"), indicator: text("indicator"), reason: reason, state: state,
                                order: order, after: text("after").flatMap { Int64($0) }, limit: 50)
        let page = try await service.blocking { try $0.review(query) }
        func link(reason: FlagReason?, after: Int64? = nil) -> String {
            var items: [(String, String)] = []
            if let unit = query.unit { items.append(("unit", unit)) }
            if let indicator = query.indicator { items.append(("indicator", indicator)) }
            if let state { items.append(("state", state.rawValue)) }
            if order != .newest { items.append(("order", order.rawValue)) }
            if let reason { items.append(("reason", reason.rawValue)) }
            if let after { items.append(("after", String(after))) }
            let query = items.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            return "/review" + (query.isEmpty ? "" : "?" + query)
        }
        let total = page.countsByReason.values.reduce(0, +)
        var tabs = [ReasonTab(code: "all", label: "Tất cả", count: total, link: link(reason: nil), selected: reason == nil)]
        // Equal counts by code: a dictionary's order changes from one process to the next.
        tabs += page.countsByReason.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }.map { reason, count in
            ReasonTab(code: reason.rawValue, label: Labels.reason(reason), count: count, link: link(reason: reason), selected: reason == query.reason)
        }
        let states: [(ReviewQuery.State?, String)] = [(nil, "Tất cả"), (.open, "Chưa xử lý"), (.confirmed, "Đã xác nhận"),
                                                      (.dismissed, "Đã bác bỏ"), (.answered, "Đã trả lời")]
        let rows = page.items.enumerated().map { ReviewRow($1, position: $0) }
        return pages.body("review-queue", ReviewQueueView(
            chrome: Chrome(context), rows: rows, hasRows: !rows.isEmpty, reasons: tabs,
            states: states.map { Option(value: $0.0?.rawValue ?? "", label: $0.1, selected: $0.0 == state) },
            orders: [Option(value: "newest", label: "Hồ sơ mới nhất trước", selected: order == .newest),
                     Option(value: "unit", label: "Theo đơn vị", selected: order == .unit)],
            unit: query.unit ?? "", indicator: query.indicator ?? "",
            nextPage: page.nextAfter.map { link(reason: reason, after: $0) }, total: total))
    }

    /// The flag, when this account may see it: an appraiser within its scope, a unit its own.
    private func visibleFlag(_ context: WebContext, to use: AccessPolicy.Use = .read) async throws -> (UserAccount, QueuedFlag, SubmissionSummary) {
        let account = try AccessPolicy.account(context, may: .pages)
        let (flag, summary) = try await service.access.flag(try context.parameters.require("id"), for: account, to: use)
        return (account, flag, summary)
    }

    /// The flag's page: its bytes, and the same as an answer with `status` (a decision refused).
    private func flagPage(_ context: WebContext, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        Response(status: status, headers: [.contentType: Pages.contentType, .cacheControl: "no-store"],
                 body: .init(byteBuffer: try await flagPageBody(context, error: error)))
    }

    private func flagPageBody(_ context: WebContext, error: String?) async throws -> ByteBuffer {
        let (account, flag, summary) = try await visibleFlag(context)
        let reviews = AccessPolicy.allows(.review, account)
        let scope = AccessPolicy.reviewScope(of: account)
        let listsOthers = flag.flag.reason == .duplicateEvidence && reviews
        let listsSignatures = flag.flag.reason == .signatureInvalid || flag.flag.reason == .modifiedAfterSigning
        // The document's text is decoded only for the flags that show what is in it (its fields, its
        // signatures); the others need only its format.
        let (stored, trail, neighbours, sha256, format, document) = try await service.blocking { store in
            let stored = try store.submission(id: flag.submission)
            let sha256 = flag.flag.file.flatMap { stored?.files[$0] }
            return (stored, try store.decisions(flagId: flag.id),
                    reviews ? try store.reviewNeighbours(of: flag.id, units: scope.units, frameworks: scope.frameworks) : (nil, nil),
                    sha256, try sha256.map { try store.readFormat(sha256: $0) } ?? nil,
                    listsOthers || listsSignatures ? try sha256.map { try store.document(sha256: $0) } ?? nil : nil)
        }
        guard stored != nil else { throw WebError.notFound }
        let framework = service.catalog[summary.framework]
        let indicator = framework?.indicator(flag.indicator)
        let page = flag.flag.page ?? 1
        let imageable = format.map { !$0.isEditable } ?? false
        let others = listsOthers ? try await otherCopies(of: flag, sha256: sha256, document: document, account: account) : []
        let signatures = listsSignatures ? (document?.extracted?.digitalSignatures ?? []).map(SignatureRow.init) : []
        let decisions = trail.map(DecisionRow.init)
        return pages.body("review-flag", FlagPageView(
            chrome: Chrome(context), id: flag.id, unitName: flag.unit.name, unitCode: flag.unit.code,
            submission: flag.submission, submissionPath: SubmissionRow.pathComponent(flag.submission),
            indicator: indicator.flatMap { framework?.displayCode($0) } ?? flag.indicator, indicatorName: indicator?.name ?? "",
            maxPoints: indicator.map { Points.text($0.maxPoints) } ?? "?", claimedScore: Points.text(flag.score),
            rule: indicator?.evidence.flatMap { rule in framework.map { rule.words(framework: $0) } },
            reasonLabel: Labels.reason(flag.flag.reason), reasonCode: flag.flag.reason.rawValue, message: flag.flag.message,
            expected: flag.flag.expected, found: flag.flag.found, fieldLabel: flag.flag.field?.vietnameseName,
            file: flag.flag.file, page: flag.flag.page, hasRegion: sha256 != nil && imageable,
            regionURL: "/api/v1/flags/\(flag.id)/region.png",
            pageURL: sha256.map { "/api/v1/documents/\($0)/pages/\(page).png?width=2400" },
            originalURL: sha256.map { "/api/v1/documents/\($0)/original" },
            others: others, hasOthers: !others.isEmpty, signatures: signatures, hasSignatures: !signatures.isEmpty,
            decisions: decisions, hasDecisions: !decisions.isEmpty, current: trail.last.map(DecisionRow.init),
            canDecide: AccessPolicy.allows(.decide, account) && !summary.precheck, isQuestion: flag.flag.reason == .needsReview,
            previous: neighbours.0, next: neighbours.1, error: error,
            backLink: reviews ? "/review" : "/submissions/\(SubmissionRow.pathComponent(flag.submission))"))
    }

    /// For duplicate-evidence: the other units' copies this account may see, with their first page.
    private func otherCopies(of flag: QueuedFlag, sha256: String?, document: StoredDocument?,
                             account: UserAccount) async throws -> [OtherDocument] {
        guard let sha256 else { return [] }
        let key = document?.fields?.identity().map { DocumentNumber.key($0.number) }.flatMap { $0.isEmpty ? nil : $0 }
        let found = try await service.blocking { store in
            try store.evidence(sharing: [sha256], numberKeys: Set([key].compactMap { $0 }), excluding: [flag.submission])
        }
        var seen: Set<String> = []
        var out: [OtherDocument] = []
        for evidence in found where evidence.unitCode != flag.unit.code && seen.insert(evidence.submission + "/" + evidence.file).inserted {
            guard (try? await service.access.submission(evidence.submission, for: account)) != nil else { continue }
            out.append(OtherDocument(unit: evidence.unitCode, submission: evidence.submission, file: evidence.file,
                                     imageURL: evidence.sha256.map { "/api/v1/documents/\($0)/pages/1.png?width=800" }))
        }
        return out
    }

    private func decide(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try context.checkCSRF(form["_csrf"])
        let (account, flag, _) = try await visibleFlag(context, to: .decide)
        guard let action = DecisionAction(rawValue: form["action"] ?? "") else {
            return try await flagPage(context, error: "Hãy chọn xác nhận, bác bỏ hoặc trả lời.", status: .unprocessableContent)
        }
        let score = (form["supported_score"] ?? "").trimmingCharacters(in: .whitespaces)
        let supported = score.isEmpty ? nil : Double(score.replacingOccurrences(of: ",", with: "."))
        if !score.isEmpty, supported == nil {
            return try await flagPage(context, error: "Điểm được chấp nhận phải là số.", status: .unprocessableContent)
        }
        let answer = form["answer"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let comment = form["comment"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try await service.blocking { store in
                try store.decide(flagId: flag.id, by: account.name, action: action,
                                 supportedScore: action == .confirm ? supported : nil,
                                 answer: action == .answer ? answer : nil, comment: comment)
            }
        } catch let error as StoreError {
            return try await flagPage(context, error: "\(error)", status: .unprocessableContent)
        }
        context.logger.info("decision", metadata: ["flag": "\(flag.id)", "action": "\(action.rawValue)", "user": "\(account.name)"])
        if form["then"] == "next", let next = try await service.blocking({ store in
            let scope = AccessPolicy.reviewScope(of: account)
            return try store.reviewNeighbours(of: flag.id, units: scope.units, frameworks: scope.frameworks).next
        }) {
            return Response.redirect(to: "/review/flags/\(next)")
        }
        return Response.redirect(to: "/review/flags/\(flag.id)")
    }
}
