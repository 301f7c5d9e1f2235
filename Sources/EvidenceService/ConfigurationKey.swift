import EvidenceStore
import Logging

/// One configuration key: its dotted name, type, meaning, how it is set and what it must satisfy.
/// `ConfigurationKey.all` is the single list the loader, the environment and the docs follow.
struct ConfigurationKey: Sendable {
    /// Dotted name as written in TOML: `ocr.dpi` is `dpi` in table `[ocr]`.
    let name: String
    let type: ConfigurationValueType
    /// One line of meaning, for messages and docs.
    let summary: String
    let apply: @Sendable (inout Configuration, ConfigurationValue) -> Void
    /// The reason the current value is refused, or nil when it is fine.
    let check: @Sendable (Configuration) -> String?
    /// The variable's name when it is not derived from the key's (`store.url` is `EVIDENCED_DATABASE_URL`,
    /// the name operators of other services already use).
    var environmentName: String? = nil

    /// `EVIDENCED_` and the name in capitals, dots as underscores: `EVIDENCED_OCR_DPI`.
    var environmentVariable: String {
        environmentName ?? "EVIDENCED_" + name.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    /// `ocr` for `ocr.dpi`; nil for a top-level key.
    var section: String? {
        name.split(separator: ".").count > 1 ? name.split(separator: ".").first.map(String.init) : nil
    }

    static func named(_ name: String) -> ConfigurationKey? { all.first { $0.name == name } }

    static var sections: Set<String> { Set(all.compactMap(\.section)) }
}

extension ConfigurationKey {
    static let all: [ConfigurationKey] = [
        ConfigurationKey(name: "inbox", type: .path, summary: "Directory watched for uploaded submissions.",
                         apply: { $0.inbox = $1.text }, check: { absolute($0.inbox) }),
        ConfigurationKey(name: "data", type: .path, summary: "Data directory: content-addressed copies and state.",
                         apply: { $0.dataDirectory = $1.text }, check: { absolute($0.dataDirectory) }),
        ConfigurationKey(name: "database", type: .path, summary: "SQLite store; defaults to <data>/evidenced.sqlite.",
                         apply: { $0.databasePath = $1.text }, check: { absolute($0.databasePath) }),
        ConfigurationKey(name: "store.url", type: .string,
                         summary: "The store: a path or sqlite:///path (unset: database), or postgres://user@host:port/database?sslmode=require.",
                         apply: { $0.store.url = $1.text }, check: { $0.store.url.flatMap(storeURL) },
                         environmentName: "EVIDENCED_DATABASE_URL"),
        ConfigurationKey(name: "store.password_file", type: .optionalPath,
                         summary: "File holding the PostgreSQL password (else EVIDENCED_DATABASE_PASSWORD or the URL's); never logged.",
                         apply: { $0.store.passwordFile = $1.text }, check: { $0.store.passwordFile.flatMap(absolute) }),
        ConfigurationKey(name: "models", type: .path, summary: "Directory of indicator rules and frameworks.",
                         apply: { $0.modelsDirectory = $1.text }, check: { absolute($0.modelsDirectory) }),
        ConfigurationKey(name: "workers", type: .integer, summary: "Parallel extraction workers; default: number of cores.",
                         apply: { $0.workers = $1.whole }, check: { within($0.workers, 1...256) }),
        ConfigurationKey(name: "log_level", type: .logLevel,
                         summary: "Least severe level logged: trace, debug, info, notice, warning, error, critical.",
                         apply: { $0.logLevel = Logger.Level(configurationName: $1.text) ?? .info }, check: { _ in nil }),
        ConfigurationKey(name: "shutdown_grace_seconds", type: .number,
                         summary: "On SIGTERM, time in-flight work gets before it is handed back; below the unit's TimeoutStopSec.",
                         apply: { $0.shutdownGraceSeconds = $1.real },
                         check: { above(0, $0.shutdownGraceSeconds, atMost: Configuration.unitStopTimeoutSeconds - 5,
                                        note: " (the unit's TimeoutStopSec is \(ConfigurationValue.format(Configuration.unitStopTimeoutSeconds)))") }),

        ConfigurationKey(name: "daemon.node_id", type: .string,
                         summary: "This daemon's name among the nodes sharing the store; unset: host name, pid and a random suffix.",
                         apply: { $0.daemon.nodeID = $1.text }, check: { $0.daemon.nodeID.flatMap(nodeID) }),
        ConfigurationKey(name: "daemon.lease_seconds", type: .number,
                         summary: "How long a node's claim on a document or submission lasts unrenewed: the wait before another node takes a dead node's work.",
                         apply: { $0.daemon.leaseSeconds = $1.real }, check: { within($0.daemon.leaseSeconds, 2...3_600) }),
        ConfigurationKey(name: "daemon.heartbeat_seconds", type: .number,
                         summary: "How often a node renews its leases; at most half of daemon.lease_seconds.",
                         apply: { $0.daemon.heartbeatSeconds = $1.real },
                         check: { above(0, $0.daemon.heartbeatSeconds, atMost: $0.daemon.leaseSeconds / 2,
                                        note: " (half of daemon.lease_seconds)") }),

        ConfigurationKey(name: "ocr.language", type: .string, summary: "Tesseract language(s), e.g. vie or vie+eng.",
                         apply: { $0.ocr.language = $1.text }, check: { languages($0.ocr.language) }),
        ConfigurationKey(name: "ocr.dpi", type: .integer, summary: "Resolution PDF pages are rendered at for OCR.",
                         apply: { $0.ocr.dpi = $1.whole }, check: { within($0.ocr.dpi, 72...1200) }),
        ConfigurationKey(name: "ocr.tessdata", type: .optionalPath, summary: "Directory of *.traineddata; unset: tesseract's own.",
                         apply: { $0.ocr.tessdataDirectory = $1.text }, check: { $0.ocr.tessdataDirectory.flatMap(absolute) }),

        ConfigurationKey(name: "limits.max_pages", type: .integer, summary: "Documents with more pages fail as unreadable.",
                         apply: { $0.limits.maxPages = $1.whole }, check: { within($0.limits.maxPages, 1...100_000) }),
        ConfigurationKey(name: "limits.max_megapixels", type: .number, summary: "Largest image or rendered page, in megapixels.",
                         apply: { $0.limits.maxMegapixels = $1.real }, check: { above(0, $0.limits.maxMegapixels, atMost: 10_000) }),
        ConfigurationKey(name: "limits.max_file_mb", type: .integer, summary: "Larger files are refused before they are read (MiB).",
                         apply: { $0.limits.maxFileMegabytes = $1.whole }, check: { within($0.limits.maxFileMegabytes, 1...65_536) }),
        ConfigurationKey(name: "limits.seconds_per_page", type: .number, summary: "OCR deadline for one page.",
                         apply: { $0.limits.secondsPerPage = $1.real }, check: { above(0, $0.limits.secondsPerPage, atMost: 86_400) }),
        ConfigurationKey(name: "limits.seconds_per_document", type: .number,
                         summary: "Deadline for one document; its worker is killed after it.",
                         apply: { $0.limits.secondsPerDocument = $1.real },
                         check: { config in
                             above(0, config.limits.secondsPerDocument, atMost: 604_800)
                                 ?? (config.limits.secondsPerDocument < config.limits.secondsPerPage
                                     ? "must be at least limits.seconds_per_page (\(ConfigurationValue.format(config.limits.secondsPerPage))), got \(ConfigurationValue.format(config.limits.secondsPerDocument))"
                                     : nil)
                         }),
        ConfigurationKey(name: "limits.worker_memory_mb", type: .integer, summary: "Resident-memory bound of one extraction worker (MiB).",
                         apply: { $0.limits.workerMemoryMegabytes = $1.whole },
                         check: { within($0.limits.workerMemoryMegabytes, 64...1_048_576) }),

        ConfigurationKey(name: "watch.stability_delay_seconds", type: .number,
                         summary: "A file is taken once its size and mtime have been stable this long.",
                         apply: { $0.watch.stabilityDelaySeconds = $1.real }, check: { within($0.watch.stabilityDelaySeconds, 0...3_600) }),
        ConfigurationKey(name: "watch.rescan_interval_seconds", type: .number,
                         summary: "Full rescan of the inbox, catching what inotify missed.",
                         apply: { $0.watch.rescanIntervalSeconds = $1.real }, check: { within($0.watch.rescanIntervalSeconds, 1...86_400) }),
        ConfigurationKey(name: "watch.polling", type: .boolean,
                         summary: "Poll instead of inotify: for network shares, where inotify sees nothing.",
                         apply: { $0.watch.polling = $1.flag }, check: { _ in nil }),
        ConfigurationKey(name: "watch.poll_interval_seconds", type: .number, summary: "How often to poll when watch.polling is on.",
                         apply: { $0.watch.pollIntervalSeconds = $1.real }, check: { within($0.watch.pollIntervalSeconds, 0.1...3_600) }),

        ConfigurationKey(name: "signatures.trusted_ca_dir", type: .optionalPath,
                         summary: "Folder of CA certificates (PEM or DER) whose signatures count as trusted; unset: issuers unknown.",
                         apply: { $0.signatures.trustedCADirectory = $1.text },
                         check: { $0.signatures.trustedCADirectory.flatMap { absolute($0) ?? directory($0) } }),

        ConfigurationKey(name: "web.listen", type: .string, summary: "host:port the web service listens on (evidenced serve).",
                         apply: { $0.web.listen = $1.text },
                         check: { $0.web.address == nil ? "must be host:port, e.g. 127.0.0.1:8080, got '\($0.web.listen)'" : nil }),
        ConfigurationKey(name: "web.max_upload_mb", type: .integer, summary: "Largest upload of one submission, all files together (MiB).",
                         apply: { $0.web.maxUploadMegabytes = $1.whole }, check: { within($0.web.maxUploadMegabytes, 1...65_536) }),
        ConfigurationKey(name: "web.session_hours", type: .number, summary: "How long a browser login lasts.",
                         apply: { $0.web.sessionHours = $1.real }, check: { above(0, $0.web.sessionHours, atMost: 720) }),
        ConfigurationKey(name: "web.behind_proxy", type: .boolean,
                         summary: "Trust the reverse proxy's X-Forwarded-Proto/-For (Secure cookies, client addresses).",
                         apply: { $0.web.behindProxy = $1.flag }, check: { _ in nil }),
        ConfigurationKey(name: "web.season_deadline", type: .string,
                         summary: "The season's deadline the season page counts down to: YYYY-MM-DD (end of day, Vietnam time) or an ISO 8601 date and time.",
                         apply: { $0.web.seasonDeadline = $1.text },
                         check: { $0.web.seasonDeadline.map { Configuration.Web.deadline($0) == nil ? "must be YYYY-MM-DD or an ISO 8601 date and time, got '\($0)'" : nil } ?? nil }),
        ConfigurationKey(name: "web.page_cache_mb", type: .integer,
                         summary: "Memory for pages and API answers kept while nothing they show changed (MiB); 0 keeps none.",
                         apply: { $0.web.pageCacheMegabytes = $1.whole }, check: { within($0.web.pageCacheMegabytes, 0...4_096) }),
        ConfigurationKey(name: "review.cache_dir", type: .path,
                         summary: "Cache of page and region images for the review screens; defaults to <data>/cache/pages.",
                         apply: { $0.reviewCacheDirectory = $1.text }, check: { absolute($0.reviewCacheDirectory) }),
        ConfigurationKey(name: "review.cache_max_mb", type: .integer,
                         summary: "Largest total size of the image cache (MiB); the oldest images are deleted past it.",
                         apply: { $0.review.cacheMaxMegabytes = $1.whole }, check: { within($0.review.cacheMaxMegabytes, 1...1_048_576) }),
        ConfigurationKey(name: "review.cache_max_days", type: .number,
                         summary: "Cached images older than this many days are deleted, not served.",
                         apply: { $0.review.cacheMaxDays = $1.real }, check: { above(0, $0.review.cacheMaxDays, atMost: 3_650) }),
        ConfigurationKey(name: "review.render_queue", type: .integer,
                         summary: "Image renders that may wait for a render thread; more are answered 503 with Retry-After.",
                         apply: { $0.review.renderQueue = $1.whole }, check: { within($0.review.renderQueue, 1...10_000) }),
    ]
}

// MARK: - Checks: each returns the reason a value is refused, or nil.

private func absolute(_ path: String) -> String? {
    path.hasPrefix("/") ? nil : "must be an absolute path, got '\(path)'"
}

/// The URL's form only: the password and the server are met when the store opens.
private func storeURL(_ url: String) -> String? {
    do { _ = try StoreLocation(url: url) } catch {
        return String(error.description.dropFirst("store.url: ".count))
    }
    return nil
}

/// Printable ASCII without spaces, as `evidenced status` shows it and a log line quotes it.
private func nodeID(_ id: String) -> String? {
    !id.isEmpty && id.utf8.count <= 128 && id.utf8.allSatisfy({ (33...126).contains($0) }) ? nil
        : "must be 1 to 128 printable ASCII characters without spaces, got '\(id)'"
}

private func directory(_ path: String) -> String? {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        ? nil : "must be an existing directory, got '\(path)'"
}

private func within<T: Comparable>(_ value: T, _ range: ClosedRange<T>) -> String? {
    range.contains(value) ? nil : "must be between \(show(range.lowerBound)) and \(show(range.upperBound)), got \(show(value))"
}

/// For durations and sizes where zero means nothing sensible: a half-open lower bound.
private func above(_ lower: Double, _ value: Double, atMost upper: Double, note: String = "") -> String? {
    value > lower && value <= upper ? nil
        : "must be more than \(show(lower)) and at most \(show(upper))\(note), got \(show(value))"
}

private func languages(_ text: String) -> String? {
    let parts = text.split(separator: "+", omittingEmptySubsequences: false)
    let valid = !parts.isEmpty && parts.allSatisfy { part in
        !part.isEmpty && part.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
    }
    return valid ? nil : "must be tesseract language codes joined by '+', like 'vie' or 'vie+eng', got '\(text)'"
}

private func show<T>(_ value: T) -> String {
    if let number = value as? Double { return ConfigurationValue.format(number) }
    return "\(value)"
}

// Accessors used by `apply`: `ConfigurationValueType.accept` has already matched the type.
private extension ConfigurationValue {
    var text: String { if case .string(let text) = self { text } else { shown } }
    var whole: Int {
        switch self {
        case .integer(let value): value
        case .number(let value): Int(exactly: value) ?? 0
        default: 0
        }
    }
    var real: Double {
        switch self {
        case .number(let value): value
        case .integer(let value): Double(value)
        default: .nan
        }
    }
    var flag: Bool { if case .boolean(let value) = self { value } else { false } }
}

import Foundation
