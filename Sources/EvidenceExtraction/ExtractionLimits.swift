/// Bounds that keep one hostile or broken file from taking unbounded time or memory.
package struct ExtractionLimits: Sendable, Hashable, Codable {
    /// Files larger than this are refused before they are read.
    package var maxFileBytes: Int
    package var maxPages: Int
    /// Largest image (decoded or rendered) in megapixels: 30,000 × 30,000 is 900.
    package var maxMegapixels: Double
    /// OCR deadline for one page; tesseract stops and the page gets a warning.
    package var secondsPerPage: Double
    /// Deadline for a whole file.
    package var secondsPerFile: Double

    package init(maxFileBytes: Int = 256 << 20, maxPages: Int = 1_000, maxMegapixels: Double = 150,
                secondsPerPage: Double = 60, secondsPerFile: Double = 1_800) {
        self.maxFileBytes = maxFileBytes; self.maxPages = maxPages; self.maxMegapixels = maxMegapixels
        self.secondsPerPage = secondsPerPage; self.secondsPerFile = secondsPerFile
    }

    package static let `default` = ExtractionLimits()
}

/// How to extract.
package struct ExtractionOptions: Sendable, Hashable {
    /// Tesseract language(s), e.g. "vie" or "vie+eng".
    package var language: String
    /// Resolution a PDF page is rendered at for OCR.
    package var dpi: Int
    /// Parallel OCR workers; at most the number of cores pays off (tesseract runs single threaded).
    package var workers: Int
    package var limits: ExtractionLimits
    /// Directory of traineddata files; nil for tesseract's default.
    package var tessdataPath: String?
    /// Folder of CA certificates trusted for signatures (`signatures.trusted_ca_dir`); nil: none trusted.
    package var trustedCADirectory: String?

    package init(language: String = "vie", dpi: Int = 300, workers: Int = ExtractionOptions.cores,
                limits: ExtractionLimits = .default, tessdataPath: String? = nil, trustedCADirectory: String? = nil) {
        self.language = language; self.dpi = dpi; self.workers = max(1, workers)
        self.limits = limits; self.tessdataPath = tessdataPath; self.trustedCADirectory = trustedCADirectory
    }

    package static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

import Foundation
