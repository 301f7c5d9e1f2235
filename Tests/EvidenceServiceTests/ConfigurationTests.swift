import EvidenceService
import EvidenceExtraction
import Foundation
import Logging
import Testing

/// Temporary files for configuration tests, removed with the directory by the OS's tmp cleaning.
enum ConfigurationFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evidenced-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a new file and returns its path.
    static func file(_ text: String, name: String = "evidenced.toml") throws -> String {
        let url = try directory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A default-file path that does not exist, so no machine's /etc leaks into a test.
    static var absentDefault: String { "/nonexistent-\(UUID().uuidString)/evidenced.toml" }

    static func load(_ toml: String, environment: [String: String] = [:]) throws -> Configuration {
        try Configuration.load(path: try file(toml), environment: environment, defaultFile: absentDefault)
    }
}

@Suite struct ConfigurationDefaultsTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let config = Configuration.defaults
        #expect(config.inbox == "/var/lib/evidenced/inbox")
        #expect(config.dataDirectory == "/var/lib/evidenced")
        #expect(config.databasePath == "/var/lib/evidenced/evidenced.sqlite")
        #expect(config.reviewCacheDirectory == "/var/lib/evidenced/cache/pages")
        #expect(!config.databasePathIsExplicit)
        #expect(config.modelsDirectory == "/usr/share/evidenced/models")
        #expect(config.workers == ExtractionOptions.cores)
        #expect(config.logLevel == .info)
        #expect(config.shutdownGraceSeconds == 20)
        #expect(config.ocr == Configuration.OCR(language: "vie", dpi: 300, tessdataDirectory: nil))
        #expect(config.limits.maxPages == 1_000)
        #expect(config.limits.maxMegapixels == 150)
        #expect(config.limits.maxFileMegabytes == 256)
        #expect(config.limits.secondsPerPage == 60)
        #expect(config.limits.secondsPerDocument == 900)
        #expect(config.limits.workerMemoryMegabytes == 1_024)
        #expect(config.limits.workerMemoryBytes == 1 << 30)
        #expect(config.watch.stabilityDelaySeconds == 5)
        #expect(config.watch.rescanIntervalSeconds == 60)
        #expect(config.watch.polling == false)
        #expect(config.watch.pollIntervalSeconds == 5)
        #expect(config.review == Configuration.Review(cacheMaxMegabytes: 1_024, cacheMaxDays: 30, renderQueue: 16))
        #expect(config.review.cacheBounds == .default)
        #expect(config.shutdownGraceSeconds < Configuration.unitStopTimeoutSeconds)
    }

    @Test func defaultsPassTheirOwnChecks() throws {
        #expect(try Configuration.defaults.validated() == Configuration.defaults)
    }

    @Test func missingDefaultFileMeansDefaults() throws {
        let config = try Configuration.load(environment: [:], defaultFile: ConfigurationFixture.absentDefault)
        #expect(config == Configuration.defaults)
    }

    @Test func emptyFileMeansDefaults() throws {
        #expect(try ConfigurationFixture.load("") == Configuration.defaults)
        #expect(try ConfigurationFixture.load("# nothing but a comment\n") == Configuration.defaults)
    }

    @Test func defaultFileIsReadWhenPresent() throws {
        let path = try ConfigurationFixture.file("workers = 3\n")
        let config = try Configuration.load(environment: [:], defaultFile: path)
        #expect(config.workers == 3)
    }

    @Test func extractionOptionsFollowTheConfiguration() throws {
        let config = try ConfigurationFixture.load("""
            workers = 3
            [ocr]
            language = "vie+eng"
            dpi = 400
            tessdata = "/opt/tessdata"
            [limits]
            max_pages = 20
            max_megapixels = 80.5
            max_file_mb = 10
            seconds_per_page = 12
            seconds_per_document = 100
            """)
        let options = config.extractionOptions
        #expect(options.language == "vie+eng")
        #expect(options.dpi == 400)
        #expect(options.workers == 3)
        #expect(options.tessdataPath == "/opt/tessdata")
        #expect(options.limits == ExtractionLimits(maxFileBytes: 10 << 20, maxPages: 20, maxMegapixels: 80.5,
                                                   secondsPerPage: 12, secondsPerFile: 100))
        #expect(Configuration.defaults.extractionOptions.limits.secondsPerFile == 900)
        #expect(Configuration.defaults.extractionOptions.limits.maxFileBytes == 256 << 20)
    }
}

@Suite struct ConfigurationFileTests {
    static let everyKey = """
        inbox = "/srv/uploads"
        data = "/srv/evidenced"
        database = "/srv/db/store.sqlite"
        models = "/srv/models"
        workers = 7
        log_level = "debug"
        shutdown_grace_seconds = 12.5

        [ocr]
        language = "vie+eng"
        dpi = 600
        tessdata = "/srv/tessdata"

        [limits]
        max_pages = 50
        max_megapixels = 40
        max_file_mb = 64
        seconds_per_page = 30
        seconds_per_document = 300
        worker_memory_mb = 2048

        [watch]
        stability_delay_seconds = 2.5
        rescan_interval_seconds = 120
        polling = true
        poll_interval_seconds = 15
        """

    @Test func everyKeyIsRead() throws {
        let config = try ConfigurationFixture.load(Self.everyKey)
        let expected = Configuration(
            inbox: "/srv/uploads", dataDirectory: "/srv/evidenced", databasePath: "/srv/db/store.sqlite",
            modelsDirectory: "/srv/models", workers: 7, logLevel: .debug, shutdownGraceSeconds: 12.5,
            ocr: .init(language: "vie+eng", dpi: 600, tessdataDirectory: "/srv/tessdata"),
            limits: .init(maxPages: 50, maxMegapixels: 40, maxFileMegabytes: 64, secondsPerPage: 30,
                          secondsPerDocument: 300, workerMemoryMegabytes: 2048),
            watch: .init(stabilityDelaySeconds: 2.5, rescanIntervalSeconds: 120, polling: true, pollIntervalSeconds: 15))
        #expect(config == expected)
        #expect(config.databasePathIsExplicit)
    }

    @Test func databaseFollowsTheDataDirectoryUnlessSet() throws {
        let config = try ConfigurationFixture.load(#"data = "/srv/evidenced""#)
        #expect(config.databasePath == "/srv/evidenced/evidenced.sqlite")
    }

    @Test func dottedKeysAndInlineTablesAreTheSameKeys() throws {
        let dotted = try ConfigurationFixture.load("ocr.dpi = 450\nlimits.max_pages = 9\n")
        let inline = try ConfigurationFixture.load("ocr = { dpi = 450 }\nlimits = { max_pages = 9 }\n")
        #expect(dotted.ocr.dpi == 450 && dotted.limits.maxPages == 9)
        #expect(dotted == inline)
    }

    @Test func integersAreAcceptedWhereNumbersGo() throws {
        let config = try ConfigurationFixture.load("[limits]\nseconds_per_page = 45\nmax_megapixels = 99.5\n")
        #expect(config.limits.secondsPerPage == 45)
        #expect(config.limits.maxMegapixels == 99.5)
    }

    @Test func everyLogLevelIsAccepted() throws {
        for level in Logger.Level.allCases {
            #expect(try ConfigurationFixture.load("log_level = \"\(level.rawValue.uppercased())\"").logLevel == level)
        }
    }

    @Test func configurationNamedByEnvironmentIsRead() throws {
        let path = try ConfigurationFixture.file("workers = 5\n")
        let config = try Configuration.load(environment: ["EVIDENCED_CONFIG": path], defaultFile: ConfigurationFixture.absentDefault)
        #expect(config.workers == 5)
        // An explicit --config wins over EVIDENCED_CONFIG.
        let other = try ConfigurationFixture.file("workers = 6\n")
        #expect(try Configuration.load(path: other, environment: ["EVIDENCED_CONFIG": path]).workers == 6)
    }

    /// The shipped default file: all commented out, it gives the defaults; uncommented, it still does,
    /// so the defaults written in it are the real ones.
    @Test func shippedDefaultFileStatesTheRealDefaults() throws {
        let shipped = ConfigurationFixture.packageRoot.appendingPathComponent("systemd/evidenced.toml")
        let text = try String(contentsOf: shipped, encoding: .utf8)
        #expect(try Configuration.load(path: shipped.path, environment: [:]) == Configuration.defaults)

        // Machine-dependent defaults are marked `# default:` and stay commented.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("#"), line.dropFirst().first?.isLetter == true, line.contains(" = "),
                  !line.contains("# default:") else { return String(line) }
            return String(line.dropFirst())
        }.joined(separator: "\n")
        let settings = uncommented.split(separator: "\n").filter { $0.first?.isLetter == true }
        #expect(settings.count == Configuration.keyNames.count - 7,
                "every key but workers, daemon.node_id, ocr.tessdata, signatures.trusted_ca_dir, web.season_deadline, store.url and store.password_file uncommented")
        let config = try ConfigurationFixture.load(uncommented)
        var expected = Configuration.defaults
        expected.databasePath = "/var/lib/evidenced/evidenced.sqlite"
        expected.reviewCacheDirectory = "/var/lib/evidenced/cache/pages"
        #expect(config == expected)
    }

    @Test func shippedDefaultFileAndDocsMentionEveryKey() throws {
        let toml = try String(contentsOf: ConfigurationFixture.packageRoot.appendingPathComponent("systemd/evidenced.toml"), encoding: .utf8)
        let docs = try String(contentsOf: ConfigurationFixture.packageRoot.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        for key in Configuration.keyNames {
            let leaf = key.split(separator: ".").last.map(String.init) ?? key
            #expect(toml.contains("#\(leaf) = "), "\(key) missing from systemd/evidenced.toml")
            #expect(docs.contains("| `\(key)` |"), "\(key) missing from docs/configuration.md")
            let variable = try #require(Configuration.environmentVariable(for: key))
            #expect(docs.contains("`\(variable)`"), "\(variable) missing from docs/configuration.md")
        }
        // One table: the README points to it instead of keeping a copy that drifts.
        let readme = try String(contentsOf: ConfigurationFixture.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(!Configuration.keyNames.contains { readme.contains("| `\($0)` |") }, "the README has no copy of the table")
        #expect(readme.contains("docs/configuration.md"))
    }
}

@Suite struct ConfigurationOverrideTests {
    @Test func environmentOverridesTheFile() throws {
        let config = try ConfigurationFixture.load("""
            inbox = "/from/file"
            [ocr]
            dpi = 400
            language = "eng"
            """, environment: [
                "EVIDENCED_OCR_DPI": "600",
                "EVIDENCED_INBOX": "/from/env",
                "EVIDENCED_WORKERS": " 2 ",
                "EVIDENCED_LOG_LEVEL": "warning",
                "EVIDENCED_WATCH_POLLING": "yes",
                "EVIDENCED_LIMITS_SECONDS_PER_PAGE": "7.5",
                "EVIDENCED_SHUTDOWN_GRACE_SECONDS": "10",
            ])
        #expect(config.ocr.dpi == 600)
        #expect(config.ocr.language == "eng", "a key the environment does not set keeps the file's value")
        #expect(config.inbox == "/from/env")
        #expect(config.workers == 2)
        #expect(config.logLevel == .warning)
        #expect(config.watch.polling)
        #expect(config.limits.secondsPerPage == 7.5)
        #expect(config.shutdownGraceSeconds == 10)
    }

    @Test func everyKeyHasItsEnvironmentVariable() throws {
        #expect(Configuration.environmentVariable(for: "ocr.dpi") == "EVIDENCED_OCR_DPI")
        #expect(Configuration.environmentVariable(for: "data") == "EVIDENCED_DATA")
        #expect(Configuration.environmentVariable(for: "limits.max_pages") == "EVIDENCED_LIMITS_MAX_PAGES")
        #expect(Configuration.environmentVariable(for: "nope") == nil)
        let variables = Configuration.keyNames.compactMap(Configuration.environmentVariable(for:))
        #expect(Set(variables).count == Configuration.keyNames.count)
    }

    @Test func emptyEnvironmentVariableCountsAsUnset() throws {
        let config = try ConfigurationFixture.load("workers = 3", environment: ["EVIDENCED_WORKERS": ""])
        #expect(config.workers == 3)
    }

    @Test func environmentAloneOverDefaults() throws {
        let config = try Configuration.load(environment: ["EVIDENCED_DATA": "/tmp/ev", "EVIDENCED_OCR_TESSDATA": "/td"],
                                            defaultFile: ConfigurationFixture.absentDefault)
        #expect(config.databasePath == "/tmp/ev/evidenced.sqlite")
        #expect(config.ocr.tessdataDirectory == "/td")
        #expect(try Configuration.defaults.applying(environment: ["EVIDENCED_OCR_DPI": "150"]).ocr.dpi == 150)
    }

    @Test func unknownEnvironmentVariablesAreReported() {
        let unknown = Configuration.unknownEnvironmentVariables(in: [
            "EVIDENCED_OCR_DIP": "300", "EVIDENCED_OCR_DPI": "300", "EVIDENCED_CONFIG": "/x", "PATH": "/bin",
        ])
        #expect(unknown == ["EVIDENCED_OCR_DIP"])
    }

    @Test func commandLineOverridesEnvironmentAndFile() throws {
        let path = try ConfigurationFixture.file(#"inbox = "/from/file""# + "\n" + #"data = "/file/data""#)
        let config = try Configuration.load(path: path, environment: ["EVIDENCED_INBOX": "/from/env"],
                                            inbox: "/from/cli", data: "/cli/data")
        #expect(config.inbox == "/from/cli")
        #expect(config.dataDirectory == "/cli/data")
        #expect(config.databasePath == "/cli/data/evidenced.sqlite")
    }

    @Test func commandLineRelativePathsAreResolvedFromTheWorkingDirectory() throws {
        let config = try Configuration.defaults.applying(inbox: "samples", data: "../out/data", workingDirectory: "/home/op/evidenced")
        #expect(config.inbox == "/home/op/evidenced/samples")
        #expect(config.dataDirectory == "/home/op/out/data")
        #expect(config.databasePath == "/home/op/out/data/evidenced.sqlite")
    }

    @Test func commandLineNilLeavesValuesAndExplicitDatabaseStays() throws {
        let base = try ConfigurationFixture.load(#"database = "/db/e.sqlite""#)
        let config = try base.applying(inbox: nil, data: "/elsewhere")
        #expect(config.inbox == base.inbox)
        #expect(config.dataDirectory == "/elsewhere")
        #expect(config.databasePath == "/db/e.sqlite")
        #expect(try base.applying(inbox: nil, data: nil) == base)
    }
}
