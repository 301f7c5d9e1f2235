import EvidenceLoading
import EvidenceModel
import EvidenceService
import EvidenceStore
import Foundation
import Hummingbird
import Logging

/// The season: the secretariat's and appraisers' page of every unit (`/season`), the publication of
/// the results to the units, and a unit's own results once published (`/season/mine`).
struct SeasonRoutes {
    let service: WebService
    let pages: Pages

    func register(on router: Router<WebContext>) {
        router.get("/season") { request, context in try await seasonPage(request, context) }
        router.post("/season/publish") { request, context in try await publish(request, context) }
        router.get("/season/mine") { request, context in try await ownSeason(request, context) }
    }

    /// The framework and period a request names (defaults: the first framework, every period).
    private func season(_ request: Request) throws -> (framework: String, period: SeasonPeriod?) {
        let parameters = request.uri.queryParameters
        let framework = parameters["framework"].map(String.init).flatMap { $0.isEmpty ? nil : $0 } ?? service.catalog.ids.first ?? ""
        guard service.catalog[framework] != nil else { throw WebError.invalid("Bộ chỉ số không rõ (unknown framework).") }
        let text = parameters["period"].map(String.init) ?? ""
        if text.isEmpty { return (framework, nil) }
        guard let period = SeasonPeriod(text) else { throw WebError.invalid("Kỳ đánh giá: một năm (2024) hoặc TỪ/ĐẾN (period: a year or FROM/TO).") }
        return (framework, period)
    }

    private func seasonPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .season)
        let (framework, period) = try season(request)
        let overview = try await service.access.seasonOverview(framework: framework, period: period, for: account)
        let published = try await service.blocking { store in
            try period.map { try store.seasonPublished(framework: framework, period: $0) } ?? nil
        }
        let listing = SeasonListing(request.uri.queryParameters)
        let view = SeasonView(chrome: Chrome(context), overview: overview, listing: listing, framework: framework, period: period,
                              frameworks: service.catalog.ids.filter { account.frameworks?.contains($0) ?? true },
                              deadline: service.settings.seasonDeadlineDate, now: Date(), published: published,
                              canPublish: AccessPolicy.allows(.publishSeason, account) && period != nil)
        return pages.render("season", view)
    }

    private func publish(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        try context.checkCSRF(form["_csrf"])
        let account = try AccessPolicy.account(context, may: .publishSeason)
        guard let framework = form["framework"], service.catalog[framework] != nil,
              let period = form["period"].flatMap(SeasonPeriod.init) else {
            throw WebError.invalid("Cần bộ chỉ số và kỳ đánh giá để công bố (framework and period required).")
        }
        try await service.blocking { try $0.publishSeason(framework: framework, period: period, by: account.name) }
        context.logger.info("season published", metadata: ["framework": "\(framework)", "period": "\(period.text)", "user": "\(account.name)"])
        let query = "framework=\(framework.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&period=\(period.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return Response.redirect(to: "/season?\(query)")
    }

    private func ownSeason(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try AccessPolicy.account(context, may: .ownSeason)
        var seasons: [OwnSeasonView.Season] = []
        for framework in service.catalog.ids {
            let scores = try await service.access.scores(framework: framework, period: nil, unit: nil, for: account)
            let catalogFramework = service.catalog[framework]
            seasons += scores.map { OwnSeasonView.Season($0, framework: catalogFramework) }
        }
        return pages.render("season-mine", OwnSeasonView(chrome: Chrome(context), seasons: seasons, hasSeasons: !seasons.isEmpty))
    }
}
