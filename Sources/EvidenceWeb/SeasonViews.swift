import EvidenceModel
import EvidenceStore
import EvidenceVerification
import Foundation
import Hummingbird
import HummingbirdCore
import Mustache

/// How the season's table is sorted and filtered (`sort`, `order`, `show`, `q`, `level`).
struct SeasonListing {
    enum Sort: String, CaseIterable { case code, name, state, claimed, accepted, cut, open, confirmed, dismissed }
    enum Show: String, CaseIterable { case all, missing, submitted, checked, open, cut }

    var sort: Sort
    var descending: Bool
    var show: Show
    var text: String
    var level: Submission.Level?

    init(_ parameters: FlatDictionary<Substring, Substring>) {
        sort = parameters["sort"].flatMap { Sort(rawValue: String($0)) } ?? .code
        descending = parameters["order"] == "desc"
        show = parameters["show"].flatMap { Show(rawValue: String($0)) } ?? .all
        text = parameters["q"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        level = parameters["level"].flatMap { Submission.Level(rawValue: String($0)) }
    }

    func apply(_ units: [SeasonUnit]) -> [SeasonUnit] {
        let key = text.folded
        let kept = units.filter { unit in
            let shown: Bool = switch show {
            case .all: true
            case .missing: unit.submission == nil
            case .submitted: unit.submission != nil
            case .checked: unit.state == .checked
            case .open: unit.openFlags > 0
            case .cut: unit.accepted < unit.claimed
            }
            return shown && (level == nil || unit.unit.level == level)
                && (key.isEmpty || unit.unit.code.folded.contains(key) || unit.unit.name.folded.contains(key))
        }
        func less(_ a: SeasonUnit, _ b: SeasonUnit) -> Bool {
            switch sort {
            case .code: a.unit.code < b.unit.code
            case .name: a.unit.name.folded < b.unit.name.folded
            case .state: Self.rank(a) < Self.rank(b)
            case .claimed: a.claimed < b.claimed
            case .accepted: a.accepted < b.accepted
            case .cut: a.claimed - a.accepted < b.claimed - b.accepted
            case .open: a.openFlags < b.openFlags
            case .confirmed: a.confirmedFlags < b.confirmedFlags
            case .dismissed: a.dismissedFlags < b.dismissedFlags
            }
        }
        // Ties by code, in the same direction as the sort: a stable order from one load to the next.
        return kept.sorted { a, b in
            if less(a, b) != less(b, a) { return descending ? less(b, a) : less(a, b) }
            return descending ? a.unit.code > b.unit.code : a.unit.code < b.unit.code
        }
    }

    /// Not submitted, waiting, failed, checked: how far along.
    static func rank(_ unit: SeasonUnit) -> Int {
        switch unit.state {
        case nil: 0
        case .failed: 1
        case .queued, .extracting: 2
        case .checked: 3
        }
    }

    /// The query string for this listing with `changes` applied (links of the table's headings and filters).
    func query(framework: String, period: SeasonPeriod?, sort: Sort? = nil, descending: Bool? = nil) -> String {
        var items: [(String, String)] = [("framework", framework)]
        if let period { items.append(("period", period.text)) }
        items.append(("sort", (sort ?? self.sort).rawValue))
        if descending ?? self.descending { items.append(("order", "desc")) }
        if show != .all { items.append(("show", show.rawValue)) }
        if !text.isEmpty { items.append(("q", text)) }
        if let level { items.append(("level", level.rawValue)) }
        return items.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }
}

struct SeasonView {
    var chrome: Chrome
    var framework: String
    var period: String
    var frameworks: [Option]
    var shows: [Option]
    var levels: [Option]
    var text: String
    var sort: String
    var order: String
    var headings: [Heading]
    var rows: [Row]
    var hasRows: Bool
    var unitCount: Int
    var submittedCount: Int
    var checkedCount: Int
    var openFlags: Int
    var claimedTotal: String
    var acceptedTotal: String
    var deadline: DeadlineView?
    var published: String?
    var canPublish: Bool
    var csvLink: String
    var reasonChart: ReasonChart
    var dayChart: DayChart

    struct Heading { var label: String; var link: String; var marker: String }

    struct Row {
        var code: String
        var name: String
        var level: String
        var stateLabel: String
        var stateClass: String
        var submissionPath: String?
        var checked: Bool
        var openFlags: Int
        var confirmedFlags: Int
        var dismissedFlags: Int
        var claimed: String
        var accepted: String
        var cut: Bool
    }

    init(chrome: Chrome, overview: SeasonOverview, listing: SeasonListing, framework: String, period: SeasonPeriod?,
         frameworks: [String], deadline: Date?, now: Date, published: Date?, canPublish: Bool) {
        self.chrome = chrome
        self.framework = framework
        self.period = period?.text ?? ""
        self.frameworks = frameworks.map { Option(value: $0, label: $0, selected: $0 == framework) }
        shows = [(SeasonListing.Show.all, "Tất cả đơn vị"), (.missing, "Chưa nộp"), (.submitted, "Đã nộp"), (.checked, "Đã kiểm tra"),
                 (.open, "Còn cờ chưa xử lý"), (.cut, "Bị trừ điểm")].map { Option(value: $0.0.rawValue, label: $0.1, selected: $0.0 == listing.show) }
        levels = [Option(value: "", label: "Mọi cấp", selected: listing.level == nil)]
            + Submission.Level.allCases.map { Option(value: $0.rawValue, label: Self.levelLabel($0), selected: $0 == listing.level) }
        text = listing.text
        sort = listing.sort.rawValue
        order = listing.descending ? "desc" : "asc"
        let columns: [(SeasonListing.Sort, String)] = [(.code, "Mã"), (.name, "Đơn vị"), (.state, "Trạng thái"), (.open, "Cờ mở"),
                                                        (.confirmed, "Xác nhận"), (.dismissed, "Bác bỏ"), (.claimed, "Điểm tự chấm"),
                                                        (.accepted, "Điểm được chấp nhận")]
        headings = columns.map { sort, label in
            let current = sort == listing.sort
            return Heading(label: label,
                           link: "/season?" + listing.query(framework: framework, period: period, sort: sort,
                                                            descending: current ? !listing.descending : false),
                           marker: current ? (listing.descending ? "▼" : "▲") : "")
        }
        let units = listing.apply(overview.units)
        rows = units.map { unit in
            Row(code: unit.unit.code, name: unit.unit.name, level: Self.levelLabel(unit.unit.level),
                stateLabel: unit.state.map(Labels.state) ?? "Chưa nộp",
                stateClass: unit.state.map(SubmissionRow.stateClass) ?? "missing",
                submissionPath: unit.submission.map(SubmissionRow.pathComponent), checked: unit.state == .checked,
                openFlags: unit.openFlags, confirmedFlags: unit.confirmedFlags, dismissedFlags: unit.dismissedFlags,
                claimed: Points.text(unit.claimed), accepted: Points.text(unit.accepted), cut: unit.accepted < unit.claimed)
        }
        hasRows = !rows.isEmpty
        unitCount = overview.units.count
        submittedCount = overview.units.filter { $0.submission != nil }.count
        checkedCount = overview.units.filter { $0.state == .checked }.count
        openFlags = overview.units.reduce(0) { $0 + $1.openFlags }
        claimedTotal = Points.text(units.reduce(0) { $0 + $1.claimed })
        acceptedTotal = Points.text(units.reduce(0) { $0 + $1.accepted })
        self.deadline = deadline.map { DeadlineView(deadline: $0, now: now) }
        self.published = published.map(SubmissionRow.time)
        self.canPublish = canPublish && published == nil
        csvLink = "/api/v1/scores.csv?framework=\(framework.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            + (period.map { "&period=\($0.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } ?? "")
        reasonChart = ReasonChart(overview.flagsByReason)
        dayChart = DayChart(overview.days)
    }

    static func levelLabel(_ level: Submission.Level) -> String {
        switch level {
        case .province: "Tỉnh"
        case .department: "Sở, ban, ngành"
        case .district: "Huyện"
        case .commune: "Xã"
        }
    }
}

/// The countdown to the season's deadline, in days and hours (Vietnam time).
struct DeadlineView {
    var date: String
    var remaining: String
    var overdue: Bool

    init(deadline: Date, now: Date) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "vi_VN")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        date = formatter.string(from: deadline)
        let seconds = Int(deadline.timeIntervalSince(now))
        overdue = seconds < 0
        let hours = abs(seconds) / 3600
        let span = hours >= 24 ? "\(hours / 24) ngày \(hours % 24) giờ" : "\(hours) giờ \(abs(seconds) % 3600 / 60) phút"
        remaining = overdue ? "đã quá hạn \(span)" : "còn \(span)"
    }
}

/// Flags by reason as horizontal bars: an SVG drawn on the server (no script), values escaped by
/// the template like any other.
struct ReasonChart {
    struct Bar { var label: String; var count: Int; var y: Int; var textY: Int; var width: Int; var countX: Int }
    var bars: [Bar]
    var height: Int
    var hasBars: Bool
    var summary: String

    init(_ counts: [FlagReason: Int]) {
        let sorted = counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
        let most = max(sorted.first?.value ?? 1, 1)
        bars = sorted.enumerated().map { index, item in
            let width = max(2, item.value * 340 / most)
            return Bar(label: Labels.reason(item.key), count: item.value, y: index * 26 + 4, textY: index * 26 + 19,
                       width: width, countX: 270 + width)
        }
        height = max(bars.count * 26 + 8, 30)
        hasBars = !bars.isEmpty
        summary = sorted.map { "\(Labels.reason($0.key)): \($0.value)" }.joined(separator: "; ")
    }
}

/// Submissions and checks per day as paired columns (the last 31 days that had any).
struct DayChart {
    struct Column {
        var day: String
        var x: Int
        var labelX: Int
        var submittedY: Int
        var submittedHeight: Int
        var checkedX: Int
        var checkedY: Int
        var checkedHeight: Int
        var submitted: Int
        var checked: Int
        var showLabel: Bool
    }
    var columns: [Column]
    var width: Int
    var hasColumns: Bool
    var summary: String

    init(_ days: [SeasonDay]) {
        let shown = Array(days.suffix(31))
        let most = max(shown.map { max($0.submitted, $0.checked) }.max() ?? 1, 1)
        let step = 20, chartHeight = 120
        columns = shown.enumerated().map { index, day in
            let submitted = day.submitted * chartHeight / most, checked = day.checked * chartHeight / most
            return Column(day: String(day.day.suffix(5)), x: index * step + 4, labelX: index * step + 4,
                          submittedY: chartHeight - submitted + 4, submittedHeight: submitted, checkedX: index * step + 12,
                          checkedY: chartHeight - checked + 4, checkedHeight: checked, submitted: day.submitted, checked: day.checked,
                          showLabel: index % max(1, shown.count / 6) == 0)
        }
        width = max(shown.count * step + 40, 200)
        hasColumns = !columns.isEmpty
        summary = shown.map { "\($0.day): \($0.submitted) nộp, \($0.checked) kiểm tra" }.joined(separator: "; ")
    }
}

/// A unit's own results, once published: each claim accepted or cut, and why.
struct OwnSeasonView {
    var chrome: Chrome
    var seasons: [Season]
    var hasSeasons: Bool

    struct Season {
        var framework: String
        var frameworkName: String
        var period: String
        var submission: String
        var claimed: String
        var accepted: String
        var claims: [Claim]
    }

    struct Claim {
        var indicator: String
        var indicatorName: String
        var claimed: String
        var accepted: String
        var statusLabel: String
        var statusClass: String
        var reason: String?
        var comment: String?
    }
}

extension OwnSeasonView.Season {
    init(_ scores: UnitScores, framework: Framework?) {
        self.framework = scores.framework
        frameworkName = framework?.name ?? scores.framework
        period = "\(scores.period.from) → \(scores.period.to)"
        submission = scores.submission
        claimed = Points.text(scores.claimed)
        accepted = Points.text(scores.accepted)
        claims = scores.claims.map { claim in
            let indicator = framework?.indicator(claim.indicator)
            let (label, css): (String, String) = switch claim.status {
            case .accepted: ("Được chấp nhận", "supported")
            case .cut: ("Bị trừ điểm", "flagged")
            case .pending: ("Chưa có kết luận", "pending")
            }
            return OwnSeasonView.Claim(
                indicator: indicator.flatMap { framework?.displayCode($0) } ?? claim.indicator, indicatorName: indicator?.name ?? "",
                claimed: Points.text(claim.claimed), accepted: Points.text(claim.accepted), statusLabel: label, statusClass: css,
                reason: claim.reason.map(Labels.reason), comment: claim.decision?.comment)
        }
    }
}

/// A row is read by name, not through Mirror: reflecting 700 rows' fields on every lookup cost the
/// season page most of its time. (Names absent here are looked up in the page, as Mustache does.)
extension SeasonView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "level": level
        case "stateLabel": stateLabel
        case "stateClass": stateClass
        case "submissionPath": submissionPath
        case "checked": checked
        case "openFlags": openFlags
        case "confirmedFlags": confirmedFlags
        case "dismissedFlags": dismissedFlags
        case "claimed": claimed
        case "accepted": accepted
        case "cut": cut
        default: nil
        }
    }
}
