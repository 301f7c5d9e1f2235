package import EvidenceExtraction
package import Foundation
package import Logging

/// Everything an operator can set, with its default. Loaded by `Configuration.load(...)`: the TOML
/// file, then `EVIDENCED_*` environment variables, then the command line (`applying(inbox:data:)`).
/// Every key is listed once in `ConfigurationKey.all`, which the loader, the validator and the docs follow.
package struct Configuration: Sendable, Equatable {
    /// Where uploads arrive (`inbox`).
    package var inbox: String
    /// The store, content-addressed copies and state (`data`).
    package var dataDirectory: String
    /// Indicator rules and frameworks (`models`).
    package var modelsDirectory: String
    /// Parallel extraction workers (`workers`); one page at a time each.
    package var workers: Int
    /// Least severe level written (`log_level`).
    package var logLevel: Logger.Level
    /// Time given to in-flight work on SIGTERM before it is handed back (`shutdown_grace_seconds`).
    package var shutdownGraceSeconds: Double
    package var ocr: OCR
    package var limits: Limits
    package var watch: Watch
    package var signatures: Signatures
    package var web: Web
    package var review: Review
    package var store: StoreSettings
    package var daemon: DaemonSettings

    /// `database` when set explicitly; otherwise the path follows `dataDirectory`, also when the
    /// data directory is changed later by the command line.
    private var explicitDatabasePath: String?

    /// The SQLite store (`database`, default `<data>/evidenced.sqlite`).
    package var databasePath: String {
        get { explicitDatabasePath ?? Self.defaultDatabasePath(in: dataDirectory) }
        set { explicitDatabasePath = newValue }
    }

    /// Whether `database` was set (file, environment or code) rather than derived from `data`.
    package var databasePathIsExplicit: Bool { explicitDatabasePath != nil }

    /// `review.cache_dir` when set explicitly; otherwise it follows `dataDirectory`, as `database` does.
    private var explicitReviewCacheDirectory: String?

    /// Where the review screens' page and region images are cached (`review.cache_dir`, default
    /// `<data>/cache/pages`): PNGs keyed by content, safe to delete at any time.
    package var reviewCacheDirectory: String {
        get { explicitReviewCacheDirectory ?? Self.defaultReviewCacheDirectory(in: dataDirectory) }
        set { explicitReviewCacheDirectory = newValue }
    }

    package struct OCR: Sendable, Equatable {
        /// Tesseract language(s), e.g. `vie` or `vie+eng` (`ocr.language`).
        package var language: String
        /// Resolution PDF pages are rendered at for OCR (`ocr.dpi`).
        package var dpi: Int
        /// Directory of `*.traineddata`; nil for tesseract's own (`ocr.tessdata`).
        package var tessdataDirectory: String?

        package init(language: String = "vie", dpi: Int = 300, tessdataDirectory: String? = nil) {
            self.language = language; self.dpi = dpi; self.tessdataDirectory = tessdataDirectory
        }
    }

    package struct Limits: Sendable, Equatable {
        package var maxPages: Int
        package var maxMegapixels: Double
        /// Files larger than this many MiB are refused before they are read.
        package var maxFileMegabytes: Int
        package var secondsPerPage: Double
        package var secondsPerDocument: Double
        /// Resident-memory bound of one extraction worker process: past it the worker is killed.
        package var workerMemoryMegabytes: Int

        package init(maxPages: Int = 1_000, maxMegapixels: Double = 150, maxFileMegabytes: Int = 256,
                    secondsPerPage: Double = 60, secondsPerDocument: Double = 900, workerMemoryMegabytes: Int = 1_024) {
            self.maxPages = maxPages; self.maxMegapixels = maxMegapixels; self.maxFileMegabytes = maxFileMegabytes
            self.secondsPerPage = secondsPerPage; self.secondsPerDocument = secondsPerDocument
            self.workerMemoryMegabytes = workerMemoryMegabytes
        }

        package var workerMemoryBytes: Int { workerMemoryMegabytes << 20 }
    }

    package struct Watch: Sendable, Equatable {
        /// A file is taken once its size and mtime have not changed for this long.
        package var stabilityDelaySeconds: Double
        /// Full rescan of the inbox, to catch what inotify missed.
        package var rescanIntervalSeconds: Double
        /// Poll instead of inotify (network shares, where inotify sees nothing).
        package var polling: Bool
        /// How often to poll when `polling` is on.
        package var pollIntervalSeconds: Double

        package init(stabilityDelaySeconds: Double = 5, rescanIntervalSeconds: Double = 60,
                    polling: Bool = false, pollIntervalSeconds: Double = 5) {
            self.stabilityDelaySeconds = stabilityDelaySeconds; self.rescanIntervalSeconds = rescanIntervalSeconds
            self.polling = polling; self.pollIntervalSeconds = pollIntervalSeconds
        }
    }

    package struct Signatures: Sendable, Equatable {
        /// Folder of CA certificates (PEM or DER) whose signers count as trusted (`signatures.trusted_ca_dir`);
        /// unset: signatures are read and checked for integrity, every issuer is 'unknown'.
        package var trustedCADirectory: String?

        package init(trustedCADirectory: String? = nil) { self.trustedCADirectory = trustedCADirectory }
    }

    /// Where the store is when it is not the SQLite file `database` (`[store]`).
    package struct StoreSettings: Sendable, Equatable {
        /// `store.url`: a path, `sqlite:///path` or `postgres://user[:password]@host[:port]/database`; nil: `database`.
        package var url: String?
        /// `store.password_file`: the PostgreSQL password, read when the store opens.
        package var passwordFile: String?

        package init(url: String? = nil, passwordFile: String? = nil) {
            self.url = url; self.passwordFile = passwordFile
        }
    }

    /// How a daemon shares the store's work with other daemons (`[daemon]`).
    package struct DaemonSettings: Sendable, Equatable {
        /// `daemon.node_id`: this node's name in the store; nil: host name, pid and a random suffix.
        package var nodeID: String?
        /// `daemon.lease_seconds`: how long a claim on a document or a submission lasts unrenewed,
        /// so how long the work of a node killed or cut off waits before another node takes it.
        package var leaseSeconds: Double
        /// `daemon.heartbeat_seconds`: how often a node renews its leases.
        package var heartbeatSeconds: Double

        package init(nodeID: String? = nil, leaseSeconds: Double = 60, heartbeatSeconds: Double = 15) {
            self.nodeID = nodeID; self.leaseSeconds = leaseSeconds; self.heartbeatSeconds = heartbeatSeconds
        }
    }

    /// The web service (`evidenced serve`).
    package struct Web: Sendable, Equatable {
        /// `host:port` it listens on (`web.listen`); behind a reverse proxy for TLS.
        package var listen: String
        /// Largest upload of one submission, all files together (`web.max_upload_mb`).
        package var maxUploadMegabytes: Int
        /// How long a login lasts (`web.session_hours`).
        package var sessionHours: Double
        /// Trust the proxy's X-Forwarded-Proto and X-Forwarded-For (`web.behind_proxy`): cookies are
        /// marked Secure when the proxy says https, and rate limits use the client's address.
        package var behindProxy: Bool
        /// The season's deadline the season page counts down to (`web.season_deadline`): a date
        /// (the end of that day, Vietnam time) or an ISO 8601 date and time; nil: none shown.
        package var seasonDeadline: String?
        /// Memory for rendered pages and API answers kept while nothing they show changed
        /// (`web.page_cache_mb`); 0 keeps none.
        package var pageCacheMegabytes: Int

        package init(listen: String = "127.0.0.1:8080", maxUploadMegabytes: Int = 512, sessionHours: Double = 8,
                     behindProxy: Bool = false, seasonDeadline: String? = nil, pageCacheMegabytes: Int = 64) {
            self.listen = listen; self.maxUploadMegabytes = maxUploadMegabytes
            self.sessionHours = sessionHours; self.behindProxy = behindProxy; self.seasonDeadline = seasonDeadline
            self.pageCacheMegabytes = pageCacheMegabytes
        }

        /// The deadline as a moment; nil when unset or unreadable.
        package var seasonDeadlineDate: Date? { seasonDeadline.flatMap(Self.deadline) }

        static func deadline(_ text: String) -> Date? {
            if text.count == 10, let day = ISO8601DateFormatter.day.date(from: text) { return day.addingTimeInterval(24 * 3600 - 1) }
            return try? Date(text, strategy: .iso8601)
        }

        /// The host and port of `listen`; nil when it is not `host:port`.
        package var address: (host: String, port: Int)? {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
                  (0...65_535).contains(port) else { return nil }
            let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return host.isEmpty ? nil : (host, port)
        }
    }

    /// The review screens' images (`[review]`; `review.cache_dir` is `reviewCacheDirectory`).
    package struct Review: Sendable, Equatable {
        /// The image cache's total size (`review.cache_max_mb`): past it the oldest images go.
        package var cacheMaxMegabytes: Int
        /// Images older than this are deleted, not served (`review.cache_max_days`).
        package var cacheMaxDays: Double
        /// Renders that may wait for a render thread (`review.render_queue`); more are answered 503.
        package var renderQueue: Int

        package init(cacheMaxMegabytes: Int = 1_024, cacheMaxDays: Double = 30, renderQueue: Int = 16) {
            self.cacheMaxMegabytes = cacheMaxMegabytes; self.cacheMaxDays = cacheMaxDays; self.renderQueue = renderQueue
        }

        package var cacheBounds: PageImageCache.Bounds {
            PageImageCache.Bounds(maxBytes: cacheMaxMegabytes << 20, maxAge: cacheMaxDays * 86_400)
        }
    }

    package init(inbox: String = Self.defaultInbox, dataDirectory: String = Self.defaultDataDirectory,
                databasePath: String? = nil, modelsDirectory: String = Self.defaultModelsDirectory,
                workers: Int = ExtractionOptions.cores, logLevel: Logger.Level = .info,
                shutdownGraceSeconds: Double = 20, ocr: OCR = OCR(), limits: Limits = Limits(), watch: Watch = Watch(),
                signatures: Signatures = Signatures(), web: Web = Web(), review: Review = Review(),
                store: StoreSettings = StoreSettings(), daemon: DaemonSettings = DaemonSettings()) {
        self.inbox = inbox; self.dataDirectory = dataDirectory; self.explicitDatabasePath = databasePath
        self.modelsDirectory = modelsDirectory; self.workers = workers; self.logLevel = logLevel
        self.shutdownGraceSeconds = shutdownGraceSeconds
        self.ocr = ocr; self.limits = limits; self.watch = watch; self.signatures = signatures
        self.web = web; self.review = review; self.store = store; self.daemon = daemon
    }

    package static let defaultPath = "/etc/evidenced/evidenced.toml"
    package static let defaultInbox = "/var/lib/evidenced/inbox"
    package static let defaultDataDirectory = "/var/lib/evidenced"
    package static let defaultModelsDirectory = "/usr/share/evidenced/models"
    /// systemd's TimeoutStopSec in systemd/evidenced.service; the grace must end before it.
    package static let unitStopTimeoutSeconds: Double = 30

    package static func defaultReviewCacheDirectory(in dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("cache/pages").path
    }

    package static func defaultDatabasePath(in dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("evidenced.sqlite").path
    }

    /// Every key at its default.
    package static var defaults: Configuration { Configuration() }

    package var inboxURL: URL { URL(fileURLWithPath: inbox, isDirectory: true) }
    package var dataDirectoryURL: URL { URL(fileURLWithPath: dataDirectory, isDirectory: true) }
    package var databaseURL: URL { URL(fileURLWithPath: databasePath) }
    package var modelsDirectoryURL: URL { URL(fileURLWithPath: modelsDirectory, isDirectory: true) }
    /// The content store (`<data>/objects`): every file taken in, by its sha256, for the daemon, the
    /// web's page images and `check --submit` alike.
    package var contentDirectoryURL: URL { Self.contentDirectory(in: dataDirectoryURL) }

    package static func contentDirectory(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("objects", isDirectory: true)
    }
}

extension ISO8601DateFormatter {
    /// `YYYY-MM-DD` at midnight in Vietnam (UTC+7), where the provinces' deadlines are set.
    nonisolated(unsafe) static let day: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        return formatter
    }()
}
