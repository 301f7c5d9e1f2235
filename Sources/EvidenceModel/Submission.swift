/// A unit's self-assessment: its claims and the evidence files it attaches (`submission.json`).
package struct Submission: Codable, Hashable, Sendable {
    package var submission: String
    package var unit: Unit
    package var framework: String
    package var period: Period
    package var claims: [Claim]
    /// A unit's pre-check (from the web service): checked like any other, but its flags are not
    /// delivered to the scoring system and its evidence is not held against other units.
    package var precheck: Bool?

    package init(submission: String, unit: Unit, framework: String, period: Period, claims: [Claim], precheck: Bool? = nil) {
        self.submission = submission; self.unit = unit; self.framework = framework
        self.period = period; self.claims = claims; self.precheck = precheck
    }

    package var isPrecheck: Bool { precheck == true }

    package struct Unit: Codable, Hashable, Sendable {
        package var code: String
        package var name: String
        package var level: Level
        /// The unit's own bodies as their headers name them (a 'Ban Chỉ đạo', a 'Hội đồng', an
        /// office): a document they issue under the unit's parent line is the unit's. nil: none named.
        package var bodies: [String]?
        package init(code: String, name: String, level: Level, bodies: [String]? = nil) {
            self.code = code; self.name = name; self.level = level; self.bodies = bodies
        }
    }

    package enum Level: String, Codable, Hashable, Sendable, CaseIterable {
        case province, department, district, commune
    }

    /// Inclusive ISO dates.
    package struct Period: Codable, Hashable, Sendable {
        package var from: String
        package var to: String
        package init(from: String, to: String) { self.from = from; self.to = to }
    }

    package struct Claim: Codable, Hashable, Sendable {
        package var indicator: String
        package var score: Double
        package var evidence: [Evidence]
        package init(indicator: String, score: Double, evidence: [Evidence] = []) {
            self.indicator = indicator; self.score = score; self.evidence = evidence
        }
    }

    /// One attached file and what the unit declares about it; declared values are optional and
    /// checked when given.
    package struct Evidence: Codable, Hashable, Sendable {
        /// Path relative to the submission folder.
        package var file: String
        package var number: String?
        package var date: String?
        package var signer: String?
        package init(file: String, number: String? = nil, date: String? = nil, signer: String? = nil) {
            self.file = file; self.number = number; self.date = date; self.signer = signer
        }
    }
}
