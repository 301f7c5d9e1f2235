extension DocumentFields {
    /// A value read from hand-filled figures stays below the trust threshold: it confirms a
    /// declaration that equals it and is reported by `extract`, but never accuses on its own.
    package static let handwritingConfidence = 0.5

    /// The fields with the hand-filled number and day given where their readings are unanimous, or
    /// the reader of single figures is sure and the readings bear it out
    /// (`HandwrittenFigures.unanimous`), with the printed symbol and the printed month and year;
    /// `fieldStatus` stays `handwritten` and `fieldSource` says how they were read. The same for
    /// each document of the file. `signedBy`: the latest day the file's first intact signature
    /// allows ('2025-02-07'): a day read after it is refused (a document is dated before it is
    /// signed), and a 1, 4 or 7 that could only be a later day is settled.
    package func settlingHandwriting(signedBy: String? = nil) -> DocumentFields {
        var fields = self
        let bound = signedBy.flatMap(Self.dayParts)
        fields.settleHandwriting(bound: bound)
        for index in fields.documents.indices { fields.documents[index].fields.settleHandwriting(bound: bound) }
        return fields
    }

    private static func dayParts(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
    }

    private mutating func settleHandwriting(bound: (year: Int, month: Int, day: Int)?) {
        if number == nil, fieldStatus[.number] == .handwritten, let symbol = numberSymbol,
           let figures = handwritten[.number], let digits = figures.unanimous() {
            number = digits + "/" + symbol
            fieldConfidence[.number] = Self.handwritingConfidence
            fieldSource[.number] = figures.summary(of: digits)
        }
        var readAgain: String?
        if date == nil, fieldStatus[.date] == .handwritten, let completed = datePartialReadAgain(bound: bound) {
            datePartial = completed.partial
            readAgain = completed.source
        }
        if date == nil, fieldStatus[.date] == .handwritten, let partial = datePartial, partial.count == 7,
           let year = Int(partial.prefix(4)), let month = Int(partial.suffix(2)), let figures = handwritten[.date],
           let digits = figures.unanimous(possible: Self.isDay(inMonth: month, of: year, notAfter: bound)), let day = Int(digits) {
            date = partial + "-" + (day < 10 ? "0" : "") + String(day)
            fieldConfidence[.date] = Self.handwritingConfidence
            fieldSource[.date] = figures.summary(of: digits, possible: Self.isDay(inMonth: month, of: year, notAfter: bound)) + (readAgain.map { "; " + $0 } ?? "")
        }
    }

    /// The days the month has, not after `bound` (a signing day), for `HandwrittenFigures.unanimous(possible:)`.
    package static func isDay(inMonth month: Int, of year: Int,
                              notAfter bound: (year: Int, month: Int, day: Int)? = nil) -> (Int) -> Bool {
        var last = Self.days(inMonth: month, of: year)
        if let bound {
            if (year, month) > (bound.year, bound.month) { last = 0 } else if (year, month) == (bound.year, bound.month) { last = min(last, bound.day) }
        }
        return { $0 >= 1 && $0 <= last }
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        case 1...12: return 31
        default: return 0
        }
    }
}

extension DocumentFields {
    /// Whether the parser left a hand-filled blank to read again, in any document of the file.
    package var hasHandwrittenBlanks: Bool {
        !handwritten.isEmpty || documents.contains { !$0.fields.handwritten.isEmpty }
    }
}
