import EvidenceModel
package import EvidenceStore

/// Who may see and do what in the web service: the one place the rule lives. Routes ask it for
/// the account a kind of route needs (`account(_:may:)`) and for every object an id names
/// (`submission`, `flag`, `document`, in `AccessPolicy+Lookups.swift`); no route compares roles.
///
/// Two kinds of refusal, never mixed up: a role that may not use a kind of route is told so (403,
/// whatever the id), and an object this account may not see is answered exactly like a missing one
/// (404), so another unit's ids reveal nothing.
package struct AccessPolicy: Sendable {
    let service: WebService

    /// What an account may do, whichever object it names.
    package enum Permission: CaseIterable, Sendable {
        /// The API and the objects behind its ids: every account but a metrics scraper.
        case api
        /// The pages: people, not programs (the scoring system and a metrics scraper have tokens).
        case pages
        /// A new submission from the form: a unit's officers, for their own unit.
        case createSubmission
        /// A new submission through the API: a unit, or an admin for any unit.
        case uploadSubmission
        /// The review queue.
        case review
        /// Confirm, dismiss or answer a flag.
        case decide
        /// Every flag as CSV: the council and the scoring system.
        case export
        /// The queue of flag and decision events: each consumer account its own consumer.
        case consume
        /// A season's accepted scores (`/api/v1/scores`): the council and the scoring system within
        /// their scope, a unit its own once the season is published.
        case readScores
        /// The season page (`/season`): the secretariat, and appraisers within their scope.
        case season
        /// Publish a season's results to the units: the secretariat.
        case publishSeason
        /// A unit's own season once published (`/season/mine`).
        case ownSeason
        /// The secretariat's roster: units and their accounts in bulk (`/admin/units`).
        case manageAccounts
        /// `/metrics`: a scraper's token or an admin (counts by state and reason are the province's
        /// business, not an anonymous caller's).
        case readMetrics

        /// The roles that have it.
        package var roles: Set<UserRole> {
            switch self {
            case .api: [.unit, .appraiser, .consumer, .admin]
            case .pages: [.unit, .appraiser, .admin]
            case .createSubmission: [.unit]
            case .uploadSubmission: [.unit, .admin]
            case .review, .decide: [.appraiser, .admin]
            case .export: [.appraiser, .consumer, .admin]
            case .consume: [.consumer, .admin]
            case .readMetrics: [.metrics, .admin]
            case .manageAccounts, .publishSeason: [.admin]
            case .season: [.appraiser, .admin]
            case .ownSeason: [.unit]
            case .readScores: [.unit, .appraiser, .consumer, .admin]
            }
        }

        /// What must be allowed first, so a refusal names the broadest thing refused (a metrics
        /// token on a page is told it reads /metrics only).
        var prerequisite: Permission? {
            switch self {
            case .api, .readMetrics: nil
            case .pages, .uploadSubmission, .decide, .export, .consume, .readScores: .api
            case .createSubmission, .review, .manageAccounts, .season, .publishSeason, .ownSeason: .pages
            }
        }

        var refusal: WebError {
            switch self {
            case .api: .forbidden("Mã truy cập chỉ dùng cho /metrics (a metrics token reads /metrics only).")
            case .pages: .forbidden("Tài khoản hệ thống chấm điểm chỉ dùng API (the consumer role uses the API only).")
            case .createSubmission: .forbidden("Chỉ tài khoản đơn vị tạo hồ sơ (only unit accounts create submissions).")
            case .uploadSubmission: .forbidden("Chỉ đơn vị hoặc quản trị nộp hồ sơ (only unit and admin accounts submit).")
            case .review: .forbidden("Chỉ thẩm định viên xem hàng đợi (the review queue is for appraisers).")
            case .decide: .forbidden("Chỉ thẩm định viên ra quyết định (only appraisers decide).")
            case .export: .forbidden("the export is for the council and the scoring system")
            case .consume: .forbidden("Hàng đợi dành cho hệ thống chấm điểm (the queue is for the consumer role).")
            case .season: .forbidden("Trang mùa đánh giá dành cho ban thư ký và thẩm định viên (the season page is for the secretariat and appraisers).")
            case .publishSeason: .forbidden("Chỉ ban thư ký công bố kết quả (only the secretariat publishes).")
            case .ownSeason: .forbidden("Trang kết quả của đơn vị dành cho tài khoản đơn vị (for unit accounts).")
            case .readScores: .forbidden("the scores are for the council, the scoring system and each unit")
            case .manageAccounts: .forbidden("Chỉ quản trị quản lý tài khoản đơn vị (only admins manage the units' accounts).")
            case .readMetrics: .forbidden("/metrics cần mã truy cập vai trò metrics (needs a metrics token).")
            }
        }
    }

    /// What a request does with an object it may see.
    package enum Use: Sendable {
        case read
        /// A decision on a flag: an appraiser's, and never on a pre-check (its flags go to nobody).
        case decide
        /// Turning a checked pre-check into the unit's submission: only the unit's own pre-check;
        /// anything else is answered as missing.
        case submitPrecheck
    }

    package static func allows(_ permission: Permission, _ role: UserRole) -> Bool { permission.roles.contains(role) }
    package static func allows(_ permission: Permission, _ account: UserAccount) -> Bool { allows(permission, account.role) }

    /// The account a request carries, when it has `permission`: 401 without one, 403 otherwise.
    package static func account(_ context: WebContext, may permission: Permission) throws -> UserAccount {
        guard let identity = context.identity else { throw WebError.unauthenticated }
        try check(permission, identity)
        return identity
    }

    static func check(_ permission: Permission, _ account: UserAccount) throws {
        if let prerequisite = permission.prerequisite { try check(prerequisite, account) }
        guard allows(permission, account) else { throw permission.refusal }
    }

    /// The one unit whose submissions this account creates and owns: a unit account's; nil for
    /// every other role.
    package static func unit(of account: UserAccount) -> String? { account.role == .unit ? account.unitCode : nil }

    /// The units an account's lists cover: nil for all.
    package static func unitScope(of account: UserAccount) -> Set<String>? {
        switch account.role {
        case .unit: Set([account.unitCode].compactMap { $0 })
        case .appraiser: account.unitCodes.map(Set.init)
        case .admin, .consumer: nil
        case .metrics: []
        }
    }

    /// The review queue's scope (units and frameworks, nil for all), sorted for the store's query.
    package static func reviewScope(of account: UserAccount) -> (units: [String]?, frameworks: [String]?) {
        (unitScope(of: account).map { $0.sorted() }, account.frameworks)
    }

    /// A pre-check is its unit's own until it is submitted (an admin may open it; the council and
    /// the scoring system never see it).
    static func seesPrechecks(_ account: UserAccount) -> Bool { account.role == .unit || account.role == .admin }

    /// Lists show pre-checks to the unit that made them only.
    static func listsPrechecks(_ account: UserAccount) -> Bool { account.role == .unit }

    /// Whether the account may see a submission of this unit and framework, pre-check or not.
    static func maySee(unit: String, framework: String, precheck: Bool, _ account: UserAccount) -> Bool {
        account.maySee(unitCode: unit, framework: framework) && (!precheck || seesPrechecks(account))
    }

    /// Where a person lands after signing in: the council on its queue, everyone else on the
    /// submissions.
    package static func home(of account: UserAccount) -> String { account.role == .appraiser ? "/review" : "/submissions" }

    /// What a unit may read of a flag: a copied document's flag names no other unit (who else holds
    /// the document is the council's to know).
    package static func redacted(_ flag: QueuedFlag, for account: UserAccount) -> QueuedFlag {
        guard account.role == .unit, flag.flag.reason == .duplicateEvidence else { return flag }
        var flag = flag
        flag.flag.message = "Tài liệu kiểm chứng \(flag.flag.file ?? "") cũng được một đơn vị khác nộp làm kiểm chứng; một tài liệu không thể chứng minh cho hai đơn vị."
        flag.flag.found = "Trùng với tài liệu kiểm chứng của một đơn vị khác"
        return flag
    }
}

extension WebService {
    /// The access policy over this service's store.
    package var access: AccessPolicy { AccessPolicy(service: self) }
}
