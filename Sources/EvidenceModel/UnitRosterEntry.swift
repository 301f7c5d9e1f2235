/// One unit of the secretariat's roster (`evidenced users import units.csv`): the unit, where it
/// sits, and whom to reach. `line` is the CSV line it was read from, so every problem names it.
package struct UnitRosterEntry: Hashable, Sendable {
    package var line: Int
    package var unit: Submission.Unit
    /// The body the unit answers to ('UBND tỉnh Quảng Ngãi' for a district), as the roster names it.
    package var parentBody: String?
    /// An e-mail address or a telephone number.
    package var contact: String?

    package init(line: Int, unit: Submission.Unit, parentBody: String? = nil, contact: String? = nil) {
        self.line = line; self.unit = unit; self.parentBody = parentBody; self.contact = contact
    }

    /// The account a unit's officers sign in with: its code in lower case (a unit's submission ids
    /// begin with the same).
    package var accountName: String { unit.code.lowercased() }
}

/// What is wrong with a roster, line by line (0: the file as a whole).
package struct UnitRosterProblem: Hashable, Sendable, CustomStringConvertible {
    package var line: Int
    package var message: String
    package init(line: Int, _ message: String) { self.line = line; self.message = message }
    package var description: String { line == 0 ? message : "dòng \(line) (line \(line)): \(message)" }
}

/// A roster refused whole: nothing of it was imported.
package struct UnitRosterError: Error, Hashable, Sendable, CustomStringConvertible {
    package var problems: [UnitRosterProblem]
    package init(_ problems: [UnitRosterProblem]) { self.problems = problems.sorted { ($0.line, $0.message) < ($1.line, $1.message) } }
    package var description: String { problems.map(\.description).joined(separator: "\n") }
}
