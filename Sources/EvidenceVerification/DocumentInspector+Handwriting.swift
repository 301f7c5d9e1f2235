import EvidenceModel

/// The declared number and day against the readings of their hand-filled blanks (issue 22): the
/// question is not what is written there but whether what the unit declared is. The readings confirm
/// it only when they agree with the declared figures as measured on labelled crops, or the reader of
/// single figures gives them and the readings bear it out (`HandwrittenFigures.confirms`), and only
/// where the printed parts agree too (the symbol; the month and year). They never accuse: readings
/// that disagree leave the field to the appraiser.
extension DocumentInspector {
    mutating func confirmHandwrittenNumber(_ declared: String, _ fields: DocumentFields) -> Bool {
        guard fields.fieldStatus[.number] == .handwritten, let figures = fields.handwritten[.number],
              let symbol = fields.numberSymbol, let declaredSymbol = Tolerant.symbol(of: declared),
              Tolerant.sameSymbol(declaredSymbol, symbol) || Tolerant.plausibleSymbol(declared: declaredSymbol, read: symbol) else { return false }
        guard let digits = Tolerant.figures(of: declared), figures.confirms(digits) else { return false }
        corroborations.append(Corroboration(file: file, field: .number, value: declared, source: .handwriting, sourceFile: file,
                                            page: figures.blank.page,
                                            detail: "Số viết tay \(digits) được xác nhận bằng cách đọc lại ô số (\(figures.summary(of: digits)))."))
        return true
    }

    mutating func confirmHandwrittenDay(_ declared: String, _ fields: DocumentFields) -> Bool {
        guard fields.fieldStatus[.date] == .handwritten, let figures = fields.handwritten[.date],
              let date = ISODate(declared), let month = fields.datePartial.flatMap(MonthOfYear.init),
              month.year == date.year, month.month == date.month else { return false }
        if let bound = signingBound, date > bound { return false }
        let day = String(date.day)
        // A day of the printed month, not after the first signing: what a 1, 4 or 7 could also be.
        let possible = DocumentFields.isDay(inMonth: date.month, of: date.year, notAfter: signingBound.map { ($0.year, $0.month, $0.day) })
        guard figures.confirms(day, possible: possible) else { return false }
        corroborations.append(Corroboration(file: file, field: .date, value: declared, source: .handwriting, sourceFile: file,
                                            page: figures.blank.page,
                                            detail: "Ngày viết tay \(day) được xác nhận bằng cách đọc lại ô ngày (\(figures.summary(of: day, possible: possible)))."))
        return true
    }
}
