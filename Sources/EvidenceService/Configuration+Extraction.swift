package import EvidenceExtraction

extension Configuration {
    /// What the extractor needs, from `ocr.*`, `workers` and `limits.*`.
    package var extractionOptions: ExtractionOptions {
        ExtractionOptions(language: ocr.language, dpi: ocr.dpi, workers: workers,
                          limits: extractionLimits, tessdataPath: ocr.tessdataDirectory,
                          trustedCADirectory: signatures.trustedCADirectory)
    }

    package var extractionLimits: ExtractionLimits {
        ExtractionLimits(maxFileBytes: limits.maxFileMegabytes << 20, maxPages: limits.maxPages,
                         maxMegapixels: limits.maxMegapixels, secondsPerPage: limits.secondsPerPage,
                         secondsPerFile: limits.secondsPerDocument)
    }
}
