public import EvidenceExtraction
public import Foundation
public import Logging

/// Everything an operator can set, with its default. Loaded by `Configuration.load(...)`: the TOML
/// file, then `EVIDENCED_*` environment variables, then the command line (`applying(inbox:data:)`).
/// Every key is listed once in `ConfigurationKey.all`, which the loader, the validator and the docs follow.
public struct Configuration: Sendable, Equatable {
    /// Where uploads arrive (`inbox`).
    public var inbox: String
    /// The store, content-addressed copies and state (`data`).
    public var dataDirectory: String
    /// Indicator rules and frameworks (`models`).
    public var modelsDirectory: String
    /// Parallel extraction workers (`workers`); one page at a time each.
    public var workers: Int
    /// Least severe level written (`log_level`).
    public var logLevel: Logger.Level
    /// Time given to in-flight work on SIGTERM before it is handed back (`shutdown_grace_seconds`).
    public var shutdownGraceSeconds: Double
    public var ocr: OCR
    public var limits: Limits
    public var watch: Watch
    public var signatures: Signatures

    /// `database` when set explicitly; otherwise the path follows `dataDirectory`, also when the
    /// data directory is changed later by the command line.
    private var explicitDatabasePath: String?

    /// The SQLite store (`database`, default `<data>/evidenced.sqlite`).
    public var databasePath: String {
        get { explicitDatabasePath ?? Self.defaultDatabasePath(in: dataDirectory) }
        set { explicitDatabasePath = newValue }
    }

    /// Whether `database` was set (file, environment or code) rather than derived from `data`.
    public var databasePathIsExplicit: Bool { explicitDatabasePath != nil }

    public struct OCR: Sendable, Equatable {
        /// Tesseract language(s), e.g. `vie` or `vie+eng` (`ocr.language`).
        public var language: String
        /// Resolution PDF pages are rendered at for OCR (`ocr.dpi`).
        public var dpi: Int
        /// Directory of `*.traineddata`; nil for tesseract's own (`ocr.tessdata`).
        public var tessdataDirectory: String?

        public init(language: String = "vie", dpi: Int = 300, tessdataDirectory: String? = nil) {
            self.language = language; self.dpi = dpi; self.tessdataDirectory = tessdataDirectory
        }
    }

    public struct Limits: Sendable, Equatable {
        public var maxPages: Int
        public var maxMegapixels: Double
        /// Files larger than this many MiB are refused before they are read.
        public var maxFileMegabytes: Int
        public var secondsPerPage: Double
        public var secondsPerDocument: Double
        /// Resident-memory bound of one extraction worker process: past it the worker is killed.
        public var workerMemoryMegabytes: Int

        public init(maxPages: Int = 1_000, maxMegapixels: Double = 150, maxFileMegabytes: Int = 256,
                    secondsPerPage: Double = 60, secondsPerDocument: Double = 900, workerMemoryMegabytes: Int = 1_024) {
            self.maxPages = maxPages; self.maxMegapixels = maxMegapixels; self.maxFileMegabytes = maxFileMegabytes
            self.secondsPerPage = secondsPerPage; self.secondsPerDocument = secondsPerDocument
            self.workerMemoryMegabytes = workerMemoryMegabytes
        }

        public var workerMemoryBytes: Int { workerMemoryMegabytes << 20 }
    }

    public struct Watch: Sendable, Equatable {
        /// A file is taken once its size and mtime have not changed for this long.
        public var stabilityDelaySeconds: Double
        /// Full rescan of the inbox, to catch what inotify missed.
        public var rescanIntervalSeconds: Double
        /// Poll instead of inotify (network shares, where inotify sees nothing).
        public var polling: Bool
        /// How often to poll when `polling` is on.
        public var pollIntervalSeconds: Double

        public init(stabilityDelaySeconds: Double = 5, rescanIntervalSeconds: Double = 60,
                    polling: Bool = false, pollIntervalSeconds: Double = 5) {
            self.stabilityDelaySeconds = stabilityDelaySeconds; self.rescanIntervalSeconds = rescanIntervalSeconds
            self.polling = polling; self.pollIntervalSeconds = pollIntervalSeconds
        }
    }

    public struct Signatures: Sendable, Equatable {
        /// Folder of CA certificates (PEM or DER) whose signers count as trusted (`signatures.trusted_ca_dir`);
        /// unset: signatures are read and checked for integrity, every issuer is 'unknown'.
        public var trustedCADirectory: String?

        public init(trustedCADirectory: String? = nil) { self.trustedCADirectory = trustedCADirectory }
    }

    public init(inbox: String = Self.defaultInbox, dataDirectory: String = Self.defaultDataDirectory,
                databasePath: String? = nil, modelsDirectory: String = Self.defaultModelsDirectory,
                workers: Int = ExtractionOptions.cores, logLevel: Logger.Level = .info,
                shutdownGraceSeconds: Double = 20, ocr: OCR = OCR(), limits: Limits = Limits(), watch: Watch = Watch(),
                signatures: Signatures = Signatures()) {
        self.inbox = inbox; self.dataDirectory = dataDirectory; self.explicitDatabasePath = databasePath
        self.modelsDirectory = modelsDirectory; self.workers = workers; self.logLevel = logLevel
        self.shutdownGraceSeconds = shutdownGraceSeconds
        self.ocr = ocr; self.limits = limits; self.watch = watch; self.signatures = signatures
    }

    public static let defaultPath = "/etc/evidenced/evidenced.toml"
    public static let defaultInbox = "/var/lib/evidenced/inbox"
    public static let defaultDataDirectory = "/var/lib/evidenced"
    public static let defaultModelsDirectory = "/usr/share/evidenced/models"
    /// systemd's TimeoutStopSec in systemd/evidenced.service; the grace must end before it.
    public static let unitStopTimeoutSeconds: Double = 30

    public static func defaultDatabasePath(in dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("evidenced.sqlite").path
    }

    /// Every key at its default.
    public static var defaults: Configuration { Configuration() }

    public var inboxURL: URL { URL(fileURLWithPath: inbox, isDirectory: true) }
    public var dataDirectoryURL: URL { URL(fileURLWithPath: dataDirectory, isDirectory: true) }
    public var databaseURL: URL { URL(fileURLWithPath: databasePath) }
    public var modelsDirectoryURL: URL { URL(fileURLWithPath: modelsDirectory, isDirectory: true) }
}
