/// A unit's self-assessment: its claims and the evidence files it attaches (`submission.json`).
public struct Submission: Codable, Hashable, Sendable {
    public var submission: String
    public var unit: Unit
    public var framework: String
    public var period: Period
    public var claims: [Claim]

    public init(submission: String, unit: Unit, framework: String, period: Period, claims: [Claim]) {
        self.submission = submission; self.unit = unit; self.framework = framework
        self.period = period; self.claims = claims
    }

    public struct Unit: Codable, Hashable, Sendable {
        public var code: String
        public var name: String
        public var level: Level
        /// The unit's own bodies as their headers name them (a 'Ban Chỉ đạo', a 'Hội đồng', an
        /// office): a document they issue under the unit's parent line is the unit's. nil: none named.
        public var bodies: [String]?
        public init(code: String, name: String, level: Level, bodies: [String]? = nil) {
            self.code = code; self.name = name; self.level = level; self.bodies = bodies
        }
    }

    public enum Level: String, Codable, Hashable, Sendable, CaseIterable {
        case province, department, district, commune
    }

    /// Inclusive ISO dates.
    public struct Period: Codable, Hashable, Sendable {
        public var from: String
        public var to: String
        public init(from: String, to: String) { self.from = from; self.to = to }
    }

    public struct Claim: Codable, Hashable, Sendable {
        public var indicator: String
        public var score: Double
        public var evidence: [Evidence]
        public init(indicator: String, score: Double, evidence: [Evidence] = []) {
            self.indicator = indicator; self.score = score; self.evidence = evidence
        }
    }

    /// One attached file and what the unit declares about it; declared values are optional and
    /// checked when given.
    public struct Evidence: Codable, Hashable, Sendable {
        /// Path relative to the submission folder.
        public var file: String
        public var number: String?
        public var date: String?
        public var signer: String?
        public init(file: String, number: String? = nil, date: String? = nil, signer: String? = nil) {
            self.file = file; self.number = number; self.date = date; self.signer = signer
        }
    }
}
