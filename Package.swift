// swift-tools-version:6.0
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
        .target(name: "EvidenceModel"),
        // Text out of PDF, images and plain text: poppler, tesseract, legacy encodings.
        .target(name: "EvidenceExtraction", dependencies: [
            "CPoppler", "CNSS", "CTesseract", "CProcessControl", "EvidenceModel",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Decree 30 fields from text: pure.
        .target(name: "EvidenceParsing", dependencies: ["EvidenceModel"]),
        // Frameworks, submissions, claim checks: pure.
        .target(name: "EvidenceVerification", dependencies: [
            "EvidenceModel", "EvidenceParsing",
            .product(name: "Yams", package: "Yams"),
        ]),
        // SQLite through GRDB: documents, submissions, claims, flags, the queue.
        .target(name: "EvidenceStore", dependencies: [
            "EvidenceModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Composition: pipeline, watcher, workers, services.
        .target(name: "EvidenceDaemon", dependencies: [
            "CProcessControl", "EvidenceModel", "EvidenceExtraction", "EvidenceParsing", "EvidenceVerification", "EvidenceStore",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Fakes for tests of the layers above extraction.
        .target(name: "EvidenceTesting", dependencies: ["EvidenceModel", "EvidenceExtraction"]),
        .executableTarget(name: "evidenced", dependencies: [
            "EvidenceDaemon",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "EvidenceModelTests", dependencies: ["EvidenceModel"]),
        .testTarget(name: "EvidenceExtractionTests", dependencies: ["EvidenceExtraction", "EvidenceTesting", "EvidenceDaemon"]),
        .testTarget(name: "EvidenceParsingTests", dependencies: ["EvidenceParsing", "EvidenceTesting"], exclude: ["Fixtures"]),
        .testTarget(name: "EvidenceVerificationTests", dependencies: ["EvidenceVerification", "EvidenceTesting"], exclude: ["Fixtures"]),
        .testTarget(name: "EvidenceStoreTests", dependencies: ["EvidenceStore"]),
        .testTarget(name: "EvidenceDaemonTests", dependencies: ["EvidenceDaemon", "EvidenceTesting"]),
    ]
)
