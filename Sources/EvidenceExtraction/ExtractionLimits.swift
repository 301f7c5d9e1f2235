/// Bounds that keep one hostile or broken file from taking unbounded time or memory.
public struct ExtractionLimits: Sendable, Hashable, Codable {
    /// Files larger than this are refused before they are read.
    public var maxFileBytes: Int
    public var maxPages: Int
    /// Largest image (decoded or rendered) in megapixels: 30,000 × 30,000 is 900.
    public var maxMegapixels: Double
    /// OCR deadline for one page; tesseract stops and the page gets a warning.
    public var secondsPerPage: Double
    /// Deadline for a whole file.
    public var secondsPerFile: Double

    public init(maxFileBytes: Int = 256 << 20, maxPages: Int = 1_000, maxMegapixels: Double = 150,
                secondsPerPage: Double = 60, secondsPerFile: Double = 1_800) {
        self.maxFileBytes = maxFileBytes; self.maxPages = maxPages; self.maxMegapixels = maxMegapixels
        self.secondsPerPage = secondsPerPage; self.secondsPerFile = secondsPerFile
    }

    public static let `default` = ExtractionLimits()
}

/// How to extract.
public struct ExtractionOptions: Sendable, Hashable {
    /// Tesseract language(s), e.g. "vie" or "vie+eng".
    public var language: String
    /// Resolution a PDF page is rendered at for OCR.
    public var dpi: Int
    /// Parallel OCR workers; at most the number of cores pays off (tesseract runs single threaded).
    public var workers: Int
    public var limits: ExtractionLimits
    /// Directory of traineddata files; nil for tesseract's default.
    public var tessdataPath: String?
    /// Folder of CA certificates trusted for signatures (`signatures.trusted_ca_dir`); nil: none trusted.
    public var trustedCADirectory: String?

    public init(language: String = "vie", dpi: Int = 300, workers: Int = ExtractionOptions.cores,
                limits: ExtractionLimits = .default, tessdataPath: String? = nil, trustedCADirectory: String? = nil) {
        self.language = language; self.dpi = dpi; self.workers = max(1, workers)
        self.limits = limits; self.tessdataPath = tessdataPath; self.trustedCADirectory = trustedCADirectory
    }

    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

import Foundation
