/// The typed month and year beside a hand-filled day, read again when the page's OCR read them
/// unsure (issue 22): typed figures read alike in every condition, so they are given only when all
/// the readings agree, the median reading at least 0.9 sure (the standard of the typed fill-ins).
extension HandwrittenFigures.PrintedFigures {
    static let readingsNeeded = 6
    static let sureConfidence = 0.9

    /// The value every reading gives, sure enough; nil otherwise.
    package var agreed: Int? {
        guard readings.count >= Self.readingsNeeded, let first = readings.first, let value = Int(first.text),
              readings.allSatisfy({ $0.text == first.text }) else { return nil }
        let sorted = readings.map(\.confidence).sorted()
        return sorted[sorted.count / 2] >= Self.sureConfidence ? value : nil
    }
}

extension DocumentFields {
    /// The printed month and year ('2025-01') with what the day blank's `printed` parts read again
    /// filled in where the page's OCR was unsure, and what was read so, for the field's source; nil
    /// when nothing was filled in. Never a month after `bound` (the first signing): a document is
    /// dated before it is signed.
    func datePartialReadAgain(bound: (year: Int, month: Int, day: Int)?) -> (partial: String, source: String)? {
        guard let printed = handwritten[.date]?.printed, !printed.isEmpty else { return nil }
        var year = datePartial.flatMap { Int($0.prefix(4)) }
        var month = datePartial.flatMap { $0.count == 7 ? Int($0.suffix(2)) : nil }
        var read: [String] = []
        for part in printed {
            guard let value = part.agreed else { continue }
            switch part.part {
            case .year where year == nil && (1945...2100).contains(value): year = value
            case .month where month == nil && (1...12).contains(value): month = value
            default: continue
            }
            read.append("\(part.part.rawValue) \(value)")
        }
        guard !read.isEmpty, let year else { return nil }
        if let bound, let month, (year, month) > (bound.year, bound.month) { return nil }
        let partial = month.map { "\(year)-\($0 < 10 ? "0" : "")\($0)" } ?? String(year)
        return (partial, "the printed \(read.joined(separator: " and ")) read again from print (every reading alike)")
    }
}
