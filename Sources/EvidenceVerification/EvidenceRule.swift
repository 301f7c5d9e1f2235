/// What the evidence of an indicator must be (models/README.md documents every key).
package struct EvidenceRule: Codable, Hashable, Sendable {
    package var kind: Kind
    /// For appraisers: what the evidence should be.
    package var description: String?
    /// Accepted Decree 30 abbreviations ("KH", "QĐ", ...); empty accepts any type.
    package var types: [String]
    package var issuer: IssuerRule
    package var signer: SignerRule
    /// The document must mention at least one of these (folded, OCR-tolerant). Empty: no topic check.
    /// An entry may list alternatives separated by '|'.
    package var keywords: [String]
    /// The document must mention every one of these ('|' separates alternatives within one entry).
    package var keywordsAll: [String]
    package var period: PeriodRule
    /// Points are earned per valid document.
    package var count: CountRule?
    /// Valid documents needed before any point is earned (when there is no count rule).
    package var minDocuments: Int
    /// Whether the file must carry a digital signature (a signed PDF original, not a scan or a Word file).
    package var signed: SignedRule = .any
    /// Whose reading the rule is: the table's own words, or an operator's assumption where the
    /// table leaves a choice open. An assumption never accuses: what it alone would flag goes to
    /// an appraiser as `needs-review`.
    package var source: Source

    package init(kind: Kind = .document, description: String? = nil, types: [String] = [], issuer: IssuerRule = .any,
                signer: SignerRule = .any, keywords: [String] = [], keywordsAll: [String] = [],
                period: PeriodRule = .within, count: CountRule? = nil, minDocuments: Int = 1, source: Source = .table) {
        self.kind = kind; self.description = description; self.types = types; self.issuer = issuer
        self.signer = signer; self.keywords = keywords; self.keywordsAll = keywordsAll; self.period = period
        self.count = count; self.minDocuments = minDocuments; self.source = source
    }

    package enum Source: String, Codable, Hashable, Sendable {
        /// Stated by the framework's table: failing it is a flag.
        case table
        /// The operator's reading of a point the table leaves open: failing it is only `needs-review`.
        case assumption
    }

    package enum Kind: String, Codable, Hashable, Sendable {
        /// An administrative document (Decree 30 header): its fields are checked and, when they
        /// cannot be read, an appraiser is asked to look.
        case document
        /// A report, statistics, screenshots: only what can be read is checked; nothing unread is flagged.
        case report
    }

    package enum IssuerRule: Codable, Hashable, Sendable {
        case any
        /// Issued by the assessed unit itself.
        case assessedUnit
        /// Issued by a body whose name contains one of these fragments; "self" in the list also accepts the unit.
        case oneOf([String])
    }

    package enum SignerRule: String, Codable, Hashable, Sendable {
        case any
        /// Signed by the head in their own name (or 'TM.' for the collective), not by a deputy 'KT.'.
        case head
    }

    package enum SignedRule: String, Codable, Hashable, Sendable {
        case any
        /// A PDF with at least one digital signature.
        case required
    }

    package enum PeriodRule: String, Codable, Hashable, Sendable {
        /// Dated inside the submission's period.
        case within
        /// Dated on or before the period's end (plans for several years, standing decisions).
        case beforeEnd = "before_end"
        /// Not checked.
        case any
    }

    package struct CountRule: Codable, Hashable, Sendable {
        package var perDocument: Double
        /// At most this many points from documents signed by the head; nil: the indicator's maximum.
        package var cap: Double?
        /// When set, a document signed by a deputy earns this instead of being flagged signer-not-head.
        package var deputyPerDocument: Double?
        package var deputyCap: Double?
        /// Whose reading the points per document are (the rule's `source` when it is an assumption).
        package var source: Source
        package init(perDocument: Double, cap: Double? = nil, deputyPerDocument: Double? = nil, deputyCap: Double? = nil,
                    source: Source = .table) {
            self.perDocument = perDocument; self.cap = cap
            self.deputyPerDocument = deputyPerDocument; self.deputyCap = deputyCap; self.source = source
        }
    }
}

extension EvidenceRule {
    /// The rule of an indicator whose row has no `evidence` key: any readable file.
    package static let report = EvidenceRule(kind: .report)
}
