/// What the evidence of an indicator must be (models/README.md documents every key).
public struct EvidenceRule: Codable, Hashable, Sendable {
    public var kind: Kind
    /// For appraisers: what the evidence should be.
    public var description: String?
    /// Accepted Decree 30 abbreviations ("KH", "QĐ", ...); empty accepts any type.
    public var types: [String]
    public var issuer: IssuerRule
    public var signer: SignerRule
    /// The document must mention at least one of these (folded, OCR-tolerant). Empty: no topic check.
    /// An entry may list alternatives separated by '|'.
    public var keywords: [String]
    /// The document must mention every one of these ('|' separates alternatives within one entry).
    public var keywordsAll: [String]
    public var period: PeriodRule
    /// Points are earned per valid document.
    public var count: CountRule?
    /// Valid documents needed before any point is earned (when there is no count rule).
    public var minDocuments: Int
    /// Whether the file must carry a digital signature (a signed PDF original, not a scan or a Word file).
    public var signed: SignedRule = .any
    /// Whose reading the rule is: the table's own words, or an operator's assumption where the
    /// table leaves a choice open. An assumption never accuses: what it alone would flag goes to
    /// an appraiser as `needs-review`.
    public var source: Source

    public init(kind: Kind = .document, description: String? = nil, types: [String] = [], issuer: IssuerRule = .any,
                signer: SignerRule = .any, keywords: [String] = [], keywordsAll: [String] = [],
                period: PeriodRule = .within, count: CountRule? = nil, minDocuments: Int = 1, source: Source = .table) {
        self.kind = kind; self.description = description; self.types = types; self.issuer = issuer
        self.signer = signer; self.keywords = keywords; self.keywordsAll = keywordsAll; self.period = period
        self.count = count; self.minDocuments = minDocuments; self.source = source
    }

    public enum Source: String, Codable, Hashable, Sendable {
        /// Stated by the framework's table: failing it is a flag.
        case table
        /// The operator's reading of a point the table leaves open: failing it is only `needs-review`.
        case assumption
    }

    public enum Kind: String, Codable, Hashable, Sendable {
        /// An administrative document (Decree 30 header): its fields are checked and, when they
        /// cannot be read, an appraiser is asked to look.
        case document
        /// A report, statistics, screenshots: only what can be read is checked; nothing unread is flagged.
        case report
    }

    public enum IssuerRule: Codable, Hashable, Sendable {
        case any
        /// Issued by the assessed unit itself.
        case assessedUnit
        /// Issued by a body whose name contains one of these fragments; "self" in the list also accepts the unit.
        case oneOf([String])
    }

    public enum SignerRule: String, Codable, Hashable, Sendable {
        case any
        /// Signed by the head in their own name (or 'TM.' for the collective), not by a deputy 'KT.'.
        case head
    }

    public enum SignedRule: String, Codable, Hashable, Sendable {
        case any
        /// A PDF with at least one digital signature.
        case required
    }

    public enum PeriodRule: String, Codable, Hashable, Sendable {
        /// Dated inside the submission's period.
        case within
        /// Dated on or before the period's end (plans for several years, standing decisions).
        case beforeEnd = "before_end"
        /// Not checked.
        case any
    }

    public struct CountRule: Codable, Hashable, Sendable {
        public var perDocument: Double
        /// At most this many points from documents signed by the head; nil: the indicator's maximum.
        public var cap: Double?
        /// When set, a document signed by a deputy earns this instead of being flagged signer-not-head.
        public var deputyPerDocument: Double?
        public var deputyCap: Double?
        /// Whose reading the points per document are (the rule's `source` when it is an assumption).
        public var source: Source
        public init(perDocument: Double, cap: Double? = nil, deputyPerDocument: Double? = nil, deputyCap: Double? = nil,
                    source: Source = .table) {
            self.perDocument = perDocument; self.cap = cap
            self.deputyPerDocument = deputyPerDocument; self.deputyCap = deputyCap; self.source = source
        }
    }
}

extension EvidenceRule {
    /// The rule of an indicator whose row has no `evidence` key: any readable file.
    public static let report = EvidenceRule(kind: .report)
}
