package import EvidenceModel

/// What the review queue shows: current flags narrowed by the filters, in one order, one page at a time.
package struct ReviewQuery: Hashable, Sendable {
    package enum State: String, Hashable, Sendable, CaseIterable {
        /// No decision yet.
        case open
        case confirmed
        case dismissed
        /// A needs-review question answered.
        case answered

        /// The current decision's action a flag in this state has; nil for open (no decision).
        package var action: DecisionAction? {
            switch self {
            case .open: nil
            case .confirmed: .confirm
            case .dismissed: .dismiss
            case .answered: .answer
            }
        }
    }

    package enum Order: String, Hashable, Sendable {
        /// Newest first: flags are made when their submission's revision is checked, so this is
        /// the most recently checked submission first (flag id descending).
        case newest
        /// By unit code, then oldest flag first within the unit.
        case unit
    }

    /// The units the reader may see; nil: every unit (an appraiser of the whole province).
    package var units: [String]?
    /// The frameworks the reader may see; nil: every framework.
    package var frameworks: [String]?
    /// One unit among them (the screen's unit filter).
    package var unit: String?
    package var indicator: String?
    package var reason: FlagReason?
    package var state: State?
    package var order: Order
    /// Keyset paging: the id of the last flag of the previous page (`ReviewPage.nextAfter`).
    package var after: Int64?
    package var limit: Int

    package init(units: [String]? = nil, frameworks: [String]? = nil, unit: String? = nil, indicator: String? = nil, reason: FlagReason? = nil,
                 state: State? = nil, order: Order = .newest, after: Int64? = nil, limit: Int = 50) {
        self.units = units; self.frameworks = frameworks; self.unit = unit; self.indicator = indicator; self.reason = reason; self.state = state
        self.order = order; self.after = after; self.limit = limit
    }
}

/// One flag of the queue with its current decision.
package struct ReviewItem: Hashable, Sendable, Codable {
    package var flag: QueuedFlag
    package var decision: FlagDecision?

    package init(flag: QueuedFlag, decision: FlagDecision?) { self.flag = flag; self.decision = decision }
}

package struct ReviewPage: Hashable, Sendable {
    package var items: [ReviewItem]
    /// Pass as `after` for the next page; nil on the last page.
    package var nextAfter: Int64?
    /// Flags per reason under every filter but the reason (the screen's reason tabs).
    package var countsByReason: [FlagReason: Int]

    package init(items: [ReviewItem], nextAfter: Int64?, countsByReason: [FlagReason: Int]) {
        self.items = items; self.nextAfter = nextAfter; self.countsByReason = countsByReason
    }
}
