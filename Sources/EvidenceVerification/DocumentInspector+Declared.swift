import Foundation
import EvidenceModel

/// The number, date and signer the unit declared, against what the page shows. Hand-filled
/// figures (abstained on by the parser) are compared by their printed parts: a different symbol,
/// month or year is a mismatch; agreement (for the symbol, also a plausible OCR misreading of the
/// declared one) leaves the figures to the appraiser.
extension DocumentInspector {
    mutating func checkDeclared(_ fields: DocumentFields) {
        if let declared = item.number { checkNumber(declared, fields) }
        if let declared = item.date { checkDate(declared, fields) }
        if let declared = item.signer { checkSignerName(declared, fields) }
    }

    /// A symbol read with OCR's confusions ('QĐÐ-UBND', 'TIr-UBND': `Tolerant.plausibleSymbol`) is
    /// the declared one as far as accusing goes: with the same figures it confirms the number, with
    /// figures abstained on it leaves them to the appraiser. Only a symbol that differs under
    /// every plausible reading is a mismatch.
    mutating func checkNumber(_ declared: String, _ fields: DocumentFields) {
        if let found = trusted(.number, fields.number) {
            if !Tolerant.plausiblySameNumber(declared, found) {
                flag(.numberMismatch, "Số, ký hiệu của văn bản khác với số đơn vị kê khai.", field: .number,
                     expected: declared, found: found)
            }
            return
        }
        // A reading too unsure to accuse with still confirms a declaration it equals.
        if let unsure = fields.number, Tolerant.plausiblySameNumber(declared, unsure) { return }
        if fields.fieldStatus[.number] != nil, let symbol = fields.numberSymbol,
           let declaredSymbol = Tolerant.symbol(of: declared), !Tolerant.sameSymbol(declaredSymbol, symbol),
           !Tolerant.plausibleSymbol(declared: declaredSymbol, read: symbol) {
            // The hand-filled figures, where they were read, are said as read (they accuse of nothing).
            let figures = fields.number.flatMap(Tolerant.figures(of:)).map { "phần số viết tay đọc được: \($0)" }
                ?? "phần số viết tay chưa đọc"
            flag(.numberMismatch, "Ký hiệu in sẵn của văn bản (\(symbol)) khác với ký hiệu đơn vị kê khai; \(figures).",
                 field: .number, expected: declared, found: "…/" + symbol)
            return
        }
        // The figures are hand-filled: the same number printed elsewhere (an appendix, a citing
        // document) confirms the declaration; a citation never accuses.
        if fields.fieldStatus[.number] != nil || fields.number == nil, corroborateNumber(declared, fields) { return }
        if confirmHandwrittenNumber(declared, fields) { return }
        doubt(.number)
    }

    mutating func checkDate(_ declared: String, _ fields: DocumentFields) {
        if let found = trusted(.date, fields.date), let foundDate = ISODate(found) {
            if ISODate(declared) != foundDate {
                flag(.dateMismatch, "Ngày ban hành của văn bản khác với ngày đơn vị kê khai.", field: .date,
                     expected: FlagText.date(declared), found: foundDate.display)
            }
            return
        }
        if let unsure = fields.date.flatMap(ISODate.init), unsure == ISODate(declared) { return }
        if let partial = fields.datePartial.flatMap(MonthOfYear.init), let date = ISODate(declared),
           partial.year != date.year || partial.month != date.month {
            let day = fields.date.flatMap(ISODate.init).map { "ngày viết tay đọc được: \($0.display)" } ?? "ngày viết tay chưa đọc"
            flag(.dateMismatch, "Tháng, năm in trên văn bản (\(partial.display)) khác với ngày đơn vị kê khai; \(day).",
                 field: .date, expected: FlagText.date(declared), found: "…/" + partial.display)
            return
        }
        if fields.fieldStatus[.date] != nil || fields.date == nil, corroborateDate(declared, fields) { return }
        if confirmHandwrittenDay(declared, fields) { return }
        doubt(.date)
    }

    mutating func checkSignerName(_ declared: String, _ fields: DocumentFields) {
        let others = [fields.secretary?.name].compactMap { $0 }
        let twoBlocks = fields.secretary != nil || trusted(.type, fields.type).flatMap(DocumentType.canonical) == "BB"
        guard let found = trusted(.signer, fields.signer?.name) ?? document.digitalSignature?.signedBy else {
            if let unsure = fields.signer?.name, Tolerant.sameSigner(declared, unsure, otherColumns: others, twoBlocks: twoBlocks) { return }
            doubt(.signer); return
        }
        if Tolerant.sameSigner(declared, found, otherColumns: others, twoBlocks: twoBlocks) { return }
        // The parser may have read another block (the secretary's, an attached draft's): when the
        // declared person's name stands on a line of its own, a person must look.
        if others.contains(where: { Tolerant.sameName($0, found) }) || Tolerant.standsAlone(declared, in: document.text) {
            doubt(.signer); return
        }
        flag(.signerMismatch, "Người ký văn bản khác với người đơn vị kê khai.", field: .signer,
             expected: declared, found: found)
    }
}

/// A month of a year, from a parser's partial date ("2025-02").
struct MonthOfYear: Hashable {
    let year: Int, month: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    var display: String { String(format: "%02d/%04d", month, year) }
    var first: ISODate { ISODate(String(format: "%04d-%02d-01", year, month))! }
    var last: ISODate {
        for day in stride(from: 31, through: 28, by: -1) {
            if let date = ISODate(String(format: "%04d-%02d-%02d", year, month, day)) { return date }
        }
        return first
    }
}

extension DocumentInspector {
    /// The period from a printed month and year when the day is hand-filled: a month wholly
    /// outside is out of period, a month wholly inside is enough, a month across a bound is for
    /// the appraiser.
    mutating func checkPeriod(partial: MonthOfYear?, from: ISODate, to: ISODate) {
        guard let partial else {
            if isDocumentRule { doubt(.date) }
            return
        }
        let outside: Bool, inside: Bool
        switch rule.period {
        case .within:
            outside = partial.last < from || partial.first > to
            inside = partial.first >= from && partial.last <= to
        case .beforeEnd:
            outside = partial.first > to
            inside = partial.last <= to
        case .any: return
        }
        if outside {
            flag(.outOfPeriod, "Văn bản ban hành tháng \(partial.display) (ngày viết tay), ngoài kỳ đánh giá từ \(from.display) đến \(to.display).",
                 field: .date, expected: "Từ \(from.display) đến \(to.display)", found: "…/" + partial.display)
        } else if !inside {
            doubt(.date)
        }
    }
}
