// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "evidenced",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "evidenced", targets: ["evidenced"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web service. Hummingbird's default traits pull swift-configuration, which is not used.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in the graph through Hummingbird and postgres-nio; named because modules import them.
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
    ],
    targets: [
        // C libraries: one system module each; the shims only include headers.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib cairo",
                       providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        // NSS: evidenced opens the trust store before poppler validates the first signature.
        .systemLibrary(name: "CNSS", pkgConfig: "nss", providers: [.apt(["libnss3-dev"])]),
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),

        // prctl(PR_SET_PDEATHSIG) for worker processes (variadic: Swift cannot call it) and malloc_trim.
        .target(name: "CProcessControl"),

        // Value types shared by every layer (Foundation only).
        .target(name: "EvidenceModel", swiftSettings: strict),
        // Text out of PDF, images and plain text: poppler, tesseract, legacy encodings.
        .target(name: "EvidenceExtraction", dependencies: [
            "CPoppler", "CNSS", "CTesseract", "CProcessControl", "EvidenceModel",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: strict),
        // Decree 30 fields from text: pure.
        .target(name: "EvidenceParsing", dependencies: ["EvidenceModel"], swiftSettings: strict),
        // Claim checks against frameworks and evidence facts: pure.
        .target(name: "EvidenceVerification", dependencies: ["EvidenceModel"], swiftSettings: strict),
        // Frameworks (YAML) and submissions (JSON manifests) read from disk, paths kept inside their folder.
        .target(name: "EvidenceLoading", dependencies: [
            "EvidenceModel", "EvidenceVerification",
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict),
        // Documents, submissions, claims, flags, the queue: SQLite through GRDB (embedded, the
        // default) or PostgreSQL through postgres-nio (several machines on one database).
        .target(name: "EvidenceStore", dependencies: [
            "EvidenceModel",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            // The per-table checksums of `store copy` and `store verify`.
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        // What the daemon and the web service share, beside each other: configuration (TOML), the
        // content store, page images for review, the CSV export, and the threads blocking work runs on.
        .target(name: "EvidenceService", dependencies: [
            "CProcessControl", "EvidenceModel", "EvidenceExtraction", "EvidenceStore",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: strict),
        // Composition: pipeline, watcher, workers, services, reports.
        .target(name: "EvidenceDaemon", dependencies: [
            "CProcessControl", "EvidenceModel", "EvidenceExtraction", "EvidenceParsing", "EvidenceVerification",
            "EvidenceLoading", "EvidenceStore", "EvidenceService",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: strict),
        // The web service: pages for units, the HTTP API for programs; uploads go through the inbox.
        // Beside the daemon, never through it: what both need is in EvidenceService.
        .target(name: "EvidenceWeb", dependencies: [
            "EvidenceModel", "EvidenceExtraction", "EvidenceLoading", "EvidenceVerification", "EvidenceStore", "EvidenceService",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
        ],
        // Page templates and static files inside the binary: `make install` copies the binary alone.
        resources: [.embedInCode("Templates"), .embedInCode("Static")],
        swiftSettings: strict),
        // Fakes for tests: model values (no C library), and extraction engines.
        .target(name: "EvidenceTesting", dependencies: ["EvidenceModel"], swiftSettings: strict),
        .target(name: "EvidenceExtractionTesting", dependencies: ["EvidenceModel", "EvidenceExtraction"], swiftSettings: strict),
        // The store's backends for tests: a throwaway PostgreSQL cluster per test process.
        .target(name: "EvidenceStoreTesting", dependencies: ["EvidenceStore"], swiftSettings: strict),
        .executableTarget(name: "evidenced", dependencies: [
            "EvidenceModel", "EvidenceExtraction", "EvidenceParsing", "EvidenceVerification", "EvidenceLoading",
            "EvidenceStore", "EvidenceService", "EvidenceDaemon", "EvidenceWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        .testTarget(name: "EvidenceModelTests", dependencies: ["EvidenceModel"]),
        .testTarget(name: "EvidenceExtractionTests", dependencies: [
            "EvidenceModel", "EvidenceExtraction", "EvidenceExtractionTesting", "EvidenceTesting", "EvidenceParsing", "EvidenceDaemon"]),
        .testTarget(name: "EvidenceParsingTests", dependencies: ["EvidenceModel", "EvidenceParsing", "EvidenceTesting"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "EvidenceVerificationTests", dependencies: [
            "EvidenceModel", "EvidenceVerification", "EvidenceLoading", "EvidenceTesting", "EvidenceParsing"], exclude: ["Fixtures"]),
        .testTarget(name: "EvidenceLoadingTests", dependencies: ["EvidenceModel", "EvidenceVerification", "EvidenceLoading"]),
        .testTarget(name: "EvidenceStoreTests", dependencies: [
            "EvidenceModel", "EvidenceStore", "EvidenceStoreTesting", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]),
        .testTarget(name: "EvidenceDaemonTests", dependencies: [
            "EvidenceModel", "EvidenceExtraction", "EvidenceExtractionTesting", "EvidenceVerification", "EvidenceLoading",
            "EvidenceParsing", "EvidenceStore", "EvidenceService", "EvidenceDaemon", "EvidenceTesting", "EvidenceStoreTesting",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "EvidenceServiceTests", dependencies: [
            "EvidenceModel", "EvidenceExtraction", "EvidenceStore", "EvidenceService",
            .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "EvidenceWebTests", dependencies: [
            "EvidenceModel", "EvidenceStore", "EvidenceWeb", "EvidenceService", "EvidenceLoading", "EvidenceExtraction",
            // The router is driven in-process by RouterClient: HummingbirdTesting would bring
            // AsyncHTTPClient and a second BoringSSL (NIOSSL) into every build for its live modes.
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            // OpenAPIEnumTests reads the served document as YAML.
            .product(name: "Yams", package: "Yams"),
        ]),
    ]
)

/// The upcoming-language settings the Swift server packages use: `any` spelled out, members visible
/// only through the modules a file imports, and imports internal unless marked `public import`.
var strict: [SwiftSetting] {
    [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
     .enableUpcomingFeature("InternalImportsByDefault")]
}
