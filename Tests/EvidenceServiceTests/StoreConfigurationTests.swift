import EvidenceService
import EvidenceStore
import Foundation
import Testing

@Suite struct StoreConfigurationTests {
    @Test func theStoreIsTheSQLiteFileUnlessAURLNamesAnother() throws {
        let plain = try ConfigurationFixture.load(#"data = "/srv/evidenced""#)
        #expect(try plain.storeLocation(environment: [:]) == .sqlite(path: "/srv/evidenced/evidenced.sqlite"))
        #expect(try plain.stateDirectory().path == "/srv/evidenced")

        let file = try ConfigurationFixture.load("""
            [store]
            url = "postgres://evidenced@db.internal/evaluation?sslmode=verify-full"
            """)
        guard case .postgres(let location) = try file.storeLocation(environment: [:]) else { Issue.record("not postgres"); return }
        #expect(location.host == "db.internal" && location.tls == .verifyFull && location.password == nil)
        #expect(try file.stateDirectory() == file.dataDirectoryURL)

        // EVIDENCED_DATABASE_URL is the variable of store.url.
        let environment = try ConfigurationFixture.load("", environment: ["EVIDENCED_DATABASE_URL": "sqlite:///srv/other.sqlite"])
        #expect(try environment.storeLocation(environment: [:]) == .sqlite(path: "/srv/other.sqlite"))
        #expect(Configuration.unknownEnvironmentVariables(in: ["EVIDENCED_DATABASE_URL": "x", "EVIDENCED_DATABASE_PASSWORD": "y"]).isEmpty)
    }

    /// `--db data/evidenced.sqlite` means the file under the working directory, as in a shell.
    @Test func aRelativePathOnTheCommandLineIsReadFromTheWorkingDirectory() throws {
        let config = try ConfigurationFixture.load(#"data = "/srv/evidenced""#)
        let here = FileManager.default.currentDirectoryPath
        #expect(try config.storeLocation(url: "data/e.sqlite", environment: [:]) == .sqlite(path: here + "/data/e.sqlite"))
        #expect(try config.storeLocation(url: "./x/../e.sqlite", environment: [:]) == .sqlite(path: here + "/e.sqlite"))
        #expect(try config.stateDirectory(url: "data/e.sqlite").path == here + "/data")
        // A URL is left as it is.
        #expect(try config.storeLocation(url: "sqlite:///srv/e.sqlite", environment: [:]) == .sqlite(path: "/srv/e.sqlite"))
    }

    /// The URL's password first, then EVIDENCED_DATABASE_PASSWORD, then store.password_file.
    @Test func thePasswordComesFromTheURLTheEnvironmentOrAFile() throws {
        let passwordFile = try ConfigurationFixture.directory().appendingPathComponent("password")
        try Data("from-file\n".utf8).write(to: passwordFile)
        var config = try ConfigurationFixture.load("""
            [store]
            url = "postgres://evidenced@db/evaluation"
            password_file = "\(passwordFile.path)"
            """)
        func password(_ environment: [String: String]) throws -> String? {
            guard case .postgres(let location) = try config.storeLocation(environment: environment) else { return nil }
            return location.password
        }
        #expect(try password([:]) == "from-file")
        #expect(try password(["EVIDENCED_DATABASE_PASSWORD": "from-env"]) == "from-env")
        config.store.url = "postgres://evidenced:in-url@db/evaluation"
        #expect(try password(["EVIDENCED_DATABASE_PASSWORD": "from-env"]) == "in-url")

        config.store.url = "postgres://evidenced@db/evaluation"
        config.store.passwordFile = "/nonexistent/password"
        let error = #expect(throws: StoreLocationError.self) { try config.storeLocation(environment: [:]) }
        #expect(error?.description == "store.password_file: cannot read '/nonexistent/password'")
    }

    @Test func aWrongURLIsRefusedWhenTheConfigurationLoads() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationFixture.load("", environment: ["EVIDENCED_DATABASE_URL": "mysql://u@h/d"])
        }
    }
}
