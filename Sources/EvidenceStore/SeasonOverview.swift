package import EvidenceModel
package import Foundation

/// The secretariat's view of a season: every unit (registered, or with a submission) and where it
/// stands, the flags by reason, and the progress per day.
package struct SeasonOverview: Hashable, Sendable {
    package var units: [SeasonUnit]
    package var flagsByReason: [FlagReason: Int]
    /// Per day (Vietnam time, `YYYY-MM-DD`), oldest first: submissions first recorded that day, and checked that day.
    package var days: [SeasonDay]

    package init(units: [SeasonUnit], flagsByReason: [FlagReason: Int], days: [SeasonDay]) {
        self.units = units; self.flagsByReason = flagsByReason; self.days = days
    }
}

package struct SeasonUnit: Hashable, Sendable {
    package var unit: Submission.Unit
    /// Nil: the unit has not submitted for this season.
    package var submission: String?
    package var state: SubmissionState?
    package var submittedAt: Date?
    package var checkedAt: Date?
    package var claimed: Double = 0
    package var accepted: Double = 0
    package var openFlags = 0
    package var confirmedFlags = 0
    package var dismissedFlags = 0
    package var answeredFlags = 0
}

package struct SeasonDay: Hashable, Sendable {
    package var day: String
    package var submitted: Int
    package var checked: Int
}
