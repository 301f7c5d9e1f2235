/// Why a claimed score is not supported. The raw values are stable codes read by the scoring system.
package enum FlagReason: String, Codable, Hashable, Sendable, CaseIterable {
    case noEvidence = "no-evidence"
    case scoreAboveMax = "score-above-max"
    case fileMissing = "file-missing"
    case unreadable = "unreadable"
    case numberMismatch = "number-mismatch"
    case dateMismatch = "date-mismatch"
    case outOfPeriod = "out-of-period"
    case wrongType = "wrong-type"
    case wrongIssuer = "wrong-issuer"
    case signerMismatch = "signer-mismatch"
    case unsigned = "unsigned"
    case draft = "draft"
    case duplicateEvidence = "duplicate-evidence"
    case insufficientCount = "insufficient-count"
    /// The signer is a deputy ('KT.') where the indicator needs the head of the unit.
    case signerNotHead = "signer-not-head"
    /// No topic keyword of the indicator appears in the document.
    case offTopic = "off-topic"
    /// A field needed for a check could not be read with confidence: an appraiser must look.
    case needsReview = "needs-review"
    /// A digital signature's signed bytes no longer match: the file was changed after it was signed.
    case signatureInvalid = "signature-invalid"
    /// Revisions appended after a digital signature change the pages' content.
    case modifiedAfterSigning = "modified-after-signing"
    /// The printed date is later than the first digital signature: a document cannot be dated after it was signed.
    case dateAfterSigning = "date-after-signing"
    /// The rule needs a digitally signed original (`signed: required`); the file carries no digital signature.
    case notDigitallySigned = "not-digitally-signed"
}

/// One unsupported point of a claim, with where to look and what was expected against what was found.
package struct Flag: Codable, Hashable, Sendable {
    package var reason: FlagReason
    /// For the appraiser, in Vietnamese with diacritics.
    package var message: String
    /// Evidence file (relative to the submission), nil for claim-level flags.
    package var file: String?
    /// 1-based page, when the finding has a place.
    package var page: Int?
    package var expected: String?
    package var found: String?
    /// The parsed field the finding is about (always set on `needs-review`: what to read).
    package var field: DocumentField?
    /// Where on `page` the field is printed (fractions of the page, origin top left): the review
    /// screen crops it. Nil when the parser had no place for it.
    package var box: Box?

    package init(reason: FlagReason, message: String, file: String? = nil, page: Int? = nil,
                expected: String? = nil, found: String? = nil, field: DocumentField? = nil, box: Box? = nil) {
        self.reason = reason; self.message = message; self.file = file; self.page = page
        self.expected = expected; self.found = found; self.field = field; self.box = box
    }
}

/// The outcome of checking one claim: no flags means the claim is supported.
package struct ClaimResult: Codable, Hashable, Sendable {
    /// 0-based position of the claim in the submission.
    package var index: Int
    package var indicator: String
    package var score: Double
    package var flags: [Flag]
    /// Declared values the document's own page left to a person (hand-filled figures) that print
    /// elsewhere confirmed: why a field raised no `needs-review`.
    package var corroborations: [Corroboration]
    package init(index: Int, indicator: String, score: Double, flags: [Flag], corroborations: [Corroboration] = []) {
        self.index = index; self.indicator = indicator; self.score = score; self.flags = flags
        self.corroborations = corroborations
    }

    private enum CodingKeys: String, CodingKey { case index, indicator, score, flags, corroborations }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(index: try container.decode(Int.self, forKey: .index),
                  indicator: try container.decode(String.self, forKey: .indicator),
                  score: try container.decode(Double.self, forKey: .score),
                  flags: try container.decode([Flag].self, forKey: .flags),
                  // Results written before corroboration from print have none.
                  corroborations: try container.decodeIfPresent([Corroboration].self, forKey: .corroborations) ?? [])
    }
}

/// A declared number or date that the evidence's own page could not confirm (figures filled in by
/// hand) and that print elsewhere did: what settled it, for the appraiser.
package struct Corroboration: Codable, Hashable, Sendable {
    /// What printed the value.
    package enum Source: String, Codable, Hashable, Sendable {
        /// An appendix or a plan issued with the document, in the same file: '(Kèm theo Quyết định số …)'.
        case appendix
        /// Another document of the same file or submission that cites it ('Căn cứ Kế hoạch số …').
        case citingDocument = "citing-document"
        /// The digital signature's signing time, with the printed month, leaves only the declared day.
        case signingTime = "signing-time"
        /// The hand-filled figures themselves: readings of the blank's crop under several
        /// conditions agree with the declared figures (`HandwrittenFigures.confirms`).
        case handwriting
    }

    /// The evidence file whose field is confirmed.
    package var file: String
    /// `number` or `date`.
    package var field: DocumentField
    /// The declared value, as the unit declared it.
    package var value: String
    package var source: Source
    /// The file that prints it (the evidence file itself for an appendix or a signature).
    package var sourceFile: String?
    /// 1-based page of `sourceFile`, when known.
    package var page: Int?
    /// For the appraiser, in Vietnamese.
    package var detail: String

    package init(file: String, field: DocumentField, value: String, source: Source, sourceFile: String? = nil,
                 page: Int? = nil, detail: String) {
        self.file = file; self.field = field; self.value = value; self.source = source
        self.sourceFile = sourceFile; self.page = page; self.detail = detail
    }

    private enum CodingKeys: String, CodingKey { case file, field, value, source, sourceFile, page, detail }

    /// Absent values are written as null, as in flags.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(field, forKey: .field)
        try container.encode(value, forKey: .value)
        try container.encode(source, forKey: .source)
        try container.encode(sourceFile, forKey: .sourceFile)
        try container.encode(page, forKey: .page)
        try container.encode(detail, forKey: .detail)
    }
}

/// The outcome of checking one submission.
package struct SubmissionResult: Codable, Hashable, Sendable {
    package var submission: String
    package var unit: Submission.Unit
    package var claims: [ClaimResult]
    package init(submission: String, unit: Submission.Unit, claims: [ClaimResult]) {
        self.submission = submission; self.unit = unit; self.claims = claims
    }
    package var flagCount: Int { claims.reduce(0) { $0 + $1.flags.count } }
}

extension Flag {
    private enum CodingKeys: String, CodingKey { case reason, message, file, page, expected, found, field, box }

    /// Absent values are written as null: readers see every key of the documented shape.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason, forKey: .reason)
        try container.encode(message, forKey: .message)
        try container.encode(file, forKey: .file)
        try container.encode(page, forKey: .page)
        try container.encode(expected, forKey: .expected)
        try container.encode(found, forKey: .found)
        try container.encode(field, forKey: .field)
        try container.encode(box, forKey: .box)
    }
}
