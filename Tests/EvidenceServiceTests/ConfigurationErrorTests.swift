import EvidenceService
import Foundation
import Testing

/// Each class of bad configuration is refused with the key, the reason and where it came from.
@Suite struct ConfigurationErrorTests {
    /// Loads `toml` from a file and returns the error it must raise.
    func refusal(_ toml: String, environment: [String: String] = [:]) throws -> (ConfigurationError, path: String) {
        let path = try ConfigurationFixture.file(toml)
        do throws(ConfigurationError) {
            let config = try Configuration.load(path: path, environment: environment)
            Issue.record("accepted: \(config)")
        } catch {
            return (error, path)
        }
        throw CancellationError()
    }

    @Test func outOfRangeNamesKeyReasonAndLine() throws {
        let (error, path) = try refusal("""
            # evidenced
            workers = 2

            [ocr]
            language = "vie"
            dpi = 5000
            """)
        #expect(error.kind == .invalidValue)
        #expect(error.key == "ocr.dpi")
        #expect(error.origin == .file(path: path, line: 6))
        #expect(error.description == "ConfigurationError: key 'ocr.dpi': must be between 72 and 1200, got 5000 (\(path):6)")
    }

    @Test func negativeNumbersAreRefused() throws {
        let cases: [(String, String, String)] = [
            ("workers = -1", "workers", "must be between 1 and 256, got -1"),
            ("[limits]\nseconds_per_page = -5", "limits.seconds_per_page", "must be more than 0 and at most 86400, got -5"),
            ("[limits]\nmax_pages = -10", "limits.max_pages", "must be between 1 and 100000, got -10"),
            ("[watch]\nstability_delay_seconds = -0.5", "watch.stability_delay_seconds", "must be between 0 and 3600, got -0.5"),
            ("[limits]\nworker_memory_mb = 0", "limits.worker_memory_mb", "must be between 64 and 1048576, got 0"),
            ("shutdown_grace_seconds = 0", "shutdown_grace_seconds", "must be more than 0 and at most 25 (the unit's TimeoutStopSec is 30), got 0"),
        ]
        for (toml, key, reason) in cases {
            let (error, _) = try refusal(toml)
            #expect(error.kind == .invalidValue, "\(toml)")
            #expect(error.key == key)
            #expect(error.reason == reason)
        }
    }

    @Test func nonFiniteNumbersAreRefused() throws {
        #expect(try refusal("[limits]\nseconds_per_page = inf").0.key == "limits.seconds_per_page")
        #expect(try refusal("[limits]\nmax_megapixels = nan").0.key == "limits.max_megapixels")
    }

    @Test func shutdownGraceMustEndBeforeTheUnitKillsUs() throws {
        let (error, _) = try refusal("shutdown_grace_seconds = 30")
        #expect(error.key == "shutdown_grace_seconds")
        #expect(error.reason.contains("TimeoutStopSec"))
        #expect(try ConfigurationFixture.load("shutdown_grace_seconds = 25").shutdownGraceSeconds == 25)
    }

    @Test func documentDeadlineBelowPageDeadlineIsRefused() throws {
        let (error, _) = try refusal("[limits]\nseconds_per_page = 120\nseconds_per_document = 60")
        #expect(error.key == "limits.seconds_per_document")
        #expect(error.reason == "must be at least limits.seconds_per_page (120), got 60")
    }

    @Test func unknownKeysAreRefusedWithTheirLine() throws {
        let (error, path) = try refusal("workers = 2\ncolour = \"blue\"\n")
        #expect(error.kind == .unknownKey)
        #expect(error.key == "colour")
        #expect(error.description == "ConfigurationError: key 'colour': unknown key (\(path):2)")
    }

    @Test func unknownKeySuggestsTheKnownOne() throws {
        let (misplaced, _) = try refusal("dpi = 300")
        #expect(misplaced.reason == "unknown key; did you mean 'ocr.dpi'?")
        let (typo, path) = try refusal("[limits]\nmax_page = 10\n")
        #expect(typo.key == "limits.max_page")
        #expect(typo.reason == "unknown key; did you mean 'limits.max_pages'?")
        #expect(typo.origin == .file(path: path, line: 2))
    }

    @Test func unknownSectionsAreRefused() throws {
        let (error, path) = try refusal("workers = 2\n\n[database]\npath = \"/x\"\n")
        // `database` is a string key, so a table there is the wrong type, on the header's line.
        #expect(error.kind == .wrongType)
        #expect(error.key == "database")
        #expect(error.origin == .file(path: path, line: 3))
        let (section, _) = try refusal("[server]\nport = 80\n")
        #expect(section.kind == .unknownKey)
        #expect(section.key == "server")
        let (nested, _) = try refusal("[ocr.extra]\nx = 1\n")
        #expect(nested.kind == .unknownKey)
        #expect(nested.key == "ocr.extra")
    }

    @Test func theFirstProblemInTheFileIsReported() throws {
        let (error, _) = try refusal("""
            [watch]
            polling = "sometimes"
            [limits]
            max_pages = 0
            [ocr]
            dpi = 1
            """)
        #expect(error.key == "watch.polling", "topmost problem first, though the keys come sorted from the parser")
    }

    @Test func wrongTypesAreRefused() throws {
        let cases: [(String, String, String)] = [
            (#"[ocr]"# + "\ndpi = \"300\"", "ocr.dpi", "must be an integer, got a string ('300')"),
            ("workers = 2.5", "workers", "must be an integer, got a number (2.5)"),
            ("[watch]\npolling = \"yes\"", "watch.polling", "must be a boolean (true or false), got a string ('yes')"),
            ("inbox = 5", "inbox", "must be an absolute path (a string), got an integer (5)"),
            ("[limits]\nseconds_per_page = true", "limits.seconds_per_page", "must be a number, got a boolean (true)"),
            ("models = [\"/a\", \"/b\"]", "models", "must be an absolute path (a string), got array"),
            ("ocr = 5", "ocr", "must be a table ([ocr]), got int"),
        ]
        for (toml, key, reason) in cases {
            let (error, _) = try refusal(toml)
            #expect(error.kind == .wrongType, "\(toml)")
            #expect(error.key == key)
            #expect(error.reason == reason)
        }
    }

    @Test func relativePathsAreRefused() throws {
        let (error, _) = try refusal(#"inbox = "inbox""#)
        #expect(error.key == "inbox")
        #expect(error.reason == "must be an absolute path, got 'inbox'")
        #expect(try refusal(#"data = "./data""#).0.key == "data")
        #expect(try refusal(#"database = "evidenced.sqlite""#).0.key == "database")
        #expect(try refusal(#"models = "models""#).0.key == "models")
        #expect(try refusal("[ocr]\ntessdata = \"tessdata\"").0.key == "ocr.tessdata")
        #expect(try refusal(#"inbox = """#).0.reason == "must be an absolute path, got ''")
    }

    @Test func badValuesOfTheRightTypeAreRefused() throws {
        let (level, _) = try refusal(#"log_level = "verbose""#)
        #expect(level.kind == .invalidValue)
        #expect(level.reason == "must be one of trace, debug, info, notice, warning, error, critical, got 'verbose'")
        let (language, _) = try refusal("[ocr]\nlanguage = \"vie eng\"")
        #expect(language.key == "ocr.language")
        #expect(try refusal("[ocr]\nlanguage = \"vie+\"").0.key == "ocr.language")
        #expect(try refusal("[ocr]\nlanguage = \"\"").0.key == "ocr.language")
    }

    @Test func syntaxErrorsGiveTheLine() throws {
        let (error, path) = try refusal("workers = 2\n[ocr\ndpi = 300\n")
        #expect(error.kind == .syntax)
        #expect(error.key == nil)
        #expect(error.origin == .file(path: path, line: 2))
        #expect(error.description.hasPrefix("ConfigurationError: not valid TOML: "))
    }

    @Test func missingExplicitFileIsAnError() throws {
        let path = "/nonexistent-\(UUID().uuidString)/evidenced.toml"
        #expect(throws: ConfigurationError(.missingFile, key: nil, reason: "configuration file not found", origin: .file(path: path, line: nil))) {
            try Configuration.load(path: path, environment: [:])
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration.load(environment: ["EVIDENCED_CONFIG": path], defaultFile: ConfigurationFixture.absentDefault)
        }
    }

    @Test func fileThatIsNotTextIsRefused() throws {
        let url = try ConfigurationFixture.directory().appendingPathComponent("evidenced.toml")
        try Data([0x77, 0x3D, 0xFF, 0xFE, 0x00]).write(to: url)
        do throws(ConfigurationError) {
            _ = try Configuration.load(path: url.path, environment: [:])
            Issue.record("accepted a non-UTF-8 file")
        } catch {
            #expect(error.kind == .unreadableFile)
        }
    }

    @Test func badEnvironmentValuesNameTheVariable() throws {
        let (type, _) = try refusal("", environment: ["EVIDENCED_WORKERS": "four"])
        #expect(type.description == "ConfigurationError: key 'workers': must be an integer, got 'four' (environment variable EVIDENCED_WORKERS)")
        let (range, _) = try refusal("", environment: ["EVIDENCED_OCR_DPI": "5000"])
        #expect(range.description == "ConfigurationError: key 'ocr.dpi': must be between 72 and 1200, got 5000 (environment variable EVIDENCED_OCR_DPI)")
        let (flag, _) = try refusal("", environment: ["EVIDENCED_WATCH_POLLING": "maybe"])
        #expect(flag.kind == .wrongType && flag.key == "watch.polling")
        let (path, _) = try refusal("", environment: ["EVIDENCED_DATA": "relative/dir"])
        #expect(path.key == "data" && path.origin == .environment(variable: "EVIDENCED_DATA"))
    }

    @Test func environmentCanRepairWhatTheFileGotWrong() throws {
        // The whole configuration is checked once, after every layer.
        let config = try ConfigurationFixture.load("[ocr]\ndpi = 5000\n", environment: ["EVIDENCED_OCR_DPI": "300"])
        #expect(config.ocr.dpi == 300)
    }

    @Test func codeBuiltConfigurationIsChecked() throws {
        var config = Configuration.defaults
        config.workers = 0
        #expect(throws: ConfigurationError(.invalidValue, key: "workers", reason: "must be between 1 and 256, got 0")) {
            try config.validated()
        }
    }
}
