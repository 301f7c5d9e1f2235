package import EvidenceModel

/// What the pipeline learned about one evidence file of a submission.
package struct EvidenceFacts: Sendable, Hashable {
    /// Relative path as written in the submission.
    package var file: String
    package var sha256: String
    /// nil when the file is missing or unreadable.
    package var document: ExtractedDocument?
    /// nil when the text held no recognisable administrative document.
    package var fields: DocumentFields?
    /// Why the file could not be read; nil together with `document` nil means the file is missing.
    package var failure: ExtractionFailure?
    /// The pages of the one document of a bundle these facts are about; nil for the whole file.
    package var part: ClosedRange<Int>?
    /// The files of a `.zip` given as this evidence item, each named `ITEM/PATH`; nil for a file
    /// that is not an archive. An archive that was refused has no members and its `failure`.
    package var members: [EvidenceFacts]?

    package init(file: String, sha256: String, document: ExtractedDocument? = nil, fields: DocumentFields? = nil,
                failure: ExtractionFailure? = nil) {
        self.file = file; self.sha256 = sha256; self.document = document; self.fields = fields; self.failure = failure
    }

    /// An archive given as one evidence item, made of the facts of its files.
    package init(archive file: String, sha256: String, members: [EvidenceFacts]) {
        self.file = file; self.sha256 = sha256; self.members = members
    }
}

/// Thresholds of the checker.
package struct CheckOptions: Sendable, Hashable {
    /// A parsed field below this confidence is not trusted for an accusation: needs-review instead.
    package var fieldConfidence: Double
    /// OCR pages below this mean confidence cannot prove a document off-topic: needs-review instead.
    package var textConfidence: Double
    /// Fewer letters than this cannot prove a document off-topic either.
    package var minimumTopicText: Int

    package init(fieldConfidence: Double = DocumentFields.trustThreshold, textConfidence: Double = 0.6, minimumTopicText: Int = 80) {
        self.fieldConfidence = fieldConfidence; self.textConfidence = textConfidence; self.minimumTopicText = minimumTopicText
    }
}
