import EvidenceModel
import Foundation

/// Corroboration from print (issue 22): the number's figures and the day are usually filled in by
/// hand and left to a person, but the same number and date are often printed elsewhere: in the
/// document's own appendix ('Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2024'), in another document
/// of the file or the submission that cites it ('Căn cứ Kế hoạch số 45/KH-UBND ngày …'), and the
/// digital signature's signing time bounds the day. Such print confirms a declared value; it never
/// accuses: a citation that disagrees, or more than one that could be this document, leaves the
/// field to the appraiser with the citation named.
struct Citation: Hashable {
    var number: String
    var date: String?
    var source: Corroboration.Source
    /// The file that prints it, and where.
    var file: String
    var page: Int?
    /// The body the citation says issued it ('… của UBND huyện Trà Bồng'), when printed.
    var issuer: String?

    var place: String {
        let location = page.map { "trang \($0) của tệp \(file)" } ?? "tệp \(file)"
        return source == .appendix ? "phụ lục (\(location))" : location
    }

    var text: String { "số \(number)" + (date.map { " ngày \(FlagText.date($0))" } ?? "") }
}

/// What print elsewhere says about the document under review.
struct PrintEvidence {
    /// The one citation that is this document and agrees with everything declared and printed.
    var match: Citation?
    /// For the appraiser when nothing matched but something was printed: what and where.
    var note: String?
}

extension DocumentInspector {
    /// Citations printed around the document: its own appendix (same file), then what the other
    /// documents of its file and of the submission cite. The document's own body citations are
    /// other documents and are left out.
    func citations(_ fields: DocumentFields) -> [Citation] {
        let ownWords = Self.citationWords(document.text)
        var out = fields.attachedTo.map {
            Citation(number: $0.number, date: $0.date, source: .appendix, file: file, page: $0.page,
                     issuer: Self.citedIssuer(of: $0.number, in: ownWords))
        }
        for (_, top) in context.evidence.sorted(by: { $0.key < $1.key }) {
            for other in top.documents {
                // This document itself (also when attached twice under two names).
                if other.sha256 == facts.sha256 && other.part == facts.part { continue }
                guard let cited = other.fields else { continue }
                let sameFile = other.sha256 == facts.sha256
                let words = Self.citationWords(other.document?.text ?? "")
                for reference in cited.references + cited.attachedTo {
                    let citation = Citation(number: reference.number, date: reference.date, source: .citingDocument,
                                            file: sameFile ? file : other.file,
                                            page: reference.page ?? other.part?.lowerBound,
                                            issuer: Self.citedIssuer(of: reference.number, in: words))
                    if !out.contains(citation) { out.append(citation) }
                }
            }
        }
        return out
    }

    /// The first signing time of the intact signatures, as the latest calendar date it can be.
    var signingBound: ISODate? { SigningBound.latestDay(document.digitalSignatures) }

    /// Whether a date is consistent with what is printed of the document's date (month and year,
    /// or the year alone); nil when nothing is printed.
    static func printedDateAllows(_ fields: DocumentFields, _ date: ISODate) -> Bool? {
        guard let partial = fields.datePartial else { return nil }
        if let month = MonthOfYear(partial) { return month.year == date.year && month.month == date.month }
        if let year = Int(partial), partial.count == 4 { return year == date.year }
        return nil
    }

    /// The citation that can only be this document: of its type and printed symbol, its date (when
    /// printed) in the printed month and year, before the signing time and equal to a date read;
    /// exactly one such number in the file and the submission; tied to this document by the
    /// declared number or the figures read; and agreeing with every declared value.
    func printEvidence(_ fields: DocumentFields) -> PrintEvidence {
        guard let symbol = fields.numberSymbol, !symbol.isEmpty else { return PrintEvidence() }
        let type = trusted(.type, fields.type).flatMap { DocumentType.canonical($0) ?? $0 }
        let bound = signingBound
        let readDate = fields.date.flatMap(ISODate.init)
        let candidates = citations(fields).filter { citation in
            guard let cited = Tolerant.symbol(of: citation.number),
                  Tolerant.sameSymbol(cited, symbol) || Tolerant.plausibleSymbol(declared: cited, read: symbol) else { return false }
            if let type, let citedType = Tolerant.typeFromNumber(citation.number), citedType.folded != type.folded { return false }
            return true
        }
        let issuer = trusted(.issuer, fields.issuer)
        guard !candidates.isEmpty else { return PrintEvidence() }
        // A citation dated outside what the page prints is another document (or a misprint): not this one.
        let consistent = candidates.filter { citation in
            guard let date = citation.date.flatMap(ISODate.init) else { return true }
            if Self.printedDateAllows(fields, date) == false { return false }
            if let readDate, readDate != date { return false }
            return true
        }.filter { citation in
            // Another body's document ('… của UBND tỉnh' for a district's plan) is not this one.
            guard let issuer, let named = citation.issuer else { return true }
            return Self.sameIssuer(issuer, named)
        }
        let declaredNumber = item.number
        let declaredDate = item.date.flatMap(ISODate.init)
        let numbers = Dictionary(grouping: consistent, by: { Tolerant.numberKey($0.number) })
        guard numbers.count == 1, let mentions = numbers.first?.value, let first = mentions.first else {
            if numbers.isEmpty {
                let shown = candidates.prefix(3).map { "\($0.text) (\($0.place))" }.joined(separator: "; ")
                return PrintEvidence(note: "Văn bản cùng ký hiệu được dẫn với ngày khác tháng, năm in trên văn bản: \(shown).")
            }
            let shown = numbers.values.compactMap(\.first).sorted { $0.number < $1.number }.prefix(4)
                .map { "\($0.text) (\($0.place))" }.joined(separator: "; ")
            return PrintEvidence(note: "Có \(numbers.count) văn bản cùng loại, ký hiệu \(symbol) được dẫn (\(shown)); không xác định được văn bản nào là văn bản này.")
        }
        let dates = Set(mentions.compactMap { $0.date.flatMap(ISODate.init) })
        let location = mentions.map(\.place).joined(separator: "; ")
        guard dates.count <= 1 else {
            return PrintEvidence(note: "Văn bản số \(first.number) được dẫn với các ngày khác nhau (\(location)).")
        }
        let citedDate = dates.first
        var citation = mentions.first(where: { $0.date != nil }) ?? first
        // An appendix of the document itself is the closest print: name it first.
        if let appendix = mentions.first(where: { $0.source == .appendix && ($0.date != nil || citedDate == nil) }) { citation = appendix }
        let tied = (declaredNumber.map { Tolerant.sameNumber($0, first.number) } ?? false)
            || (fields.number.map { Tolerant.sameNumber($0, first.number) } ?? false)
        var disagreements: [String] = []
        if let declaredNumber, !Tolerant.sameNumber(declaredNumber, first.number) { disagreements.append("số đơn vị kê khai là \(declaredNumber)") }
        if let declaredDate, let citedDate, declaredDate != citedDate { disagreements.append("ngày đơn vị kê khai là \(declaredDate.display)") }
        if let bound, let citedDate, citedDate > bound { disagreements.append("ngày dẫn muộn hơn ngày ký số đầu tiên \(bound.display)") }
        guard disagreements.isEmpty else {
            return PrintEvidence(note: "Văn bản được dẫn là \(citation.text) tại \(citation.place), nhưng \(disagreements.joined(separator: ", ")).")
        }
        guard tied else { return PrintEvidence() }
        return PrintEvidence(match: citation)
    }

    /// The declared number, when print elsewhere confirms it; else the note for the appraiser.
    mutating func corroborateNumber(_ declared: String, _ fields: DocumentFields) -> Bool {
        let evidence = printEvidence(fields)
        guard let match = evidence.match, Tolerant.sameNumber(declared, match.number) else {
            if let note = evidence.note { notes[.number] = note }
            return false
        }
        corroborations.append(Corroboration(file: file, field: .number, value: declared, source: match.source,
                                            sourceFile: match.file, page: match.page,
                                            detail: "Số viết tay; số \(declared) được xác nhận bởi bản in: \(Self.describe(match))."))
        return true
    }

    /// The declared date, when print elsewhere confirms it: a citation of this document with that
    /// date, or the signing time leaving only that day in the printed month. A declared day after
    /// the signing time is never confirmed.
    mutating func corroborateDate(_ declared: String, _ fields: DocumentFields) -> Bool {
        guard let date = ISODate(declared) else { return false }
        if let bound = signingBound, date > bound {
            notes[.date] = "Ngày đơn vị kê khai (\(date.display)) muộn hơn ngày ký số đầu tiên (\(bound.display))."
            return false
        }
        let evidence = printEvidence(fields)
        if let match = evidence.match, let cited = match.date.flatMap(ISODate.init), cited == date {
            corroborations.append(Corroboration(file: file, field: .date, value: declared, source: match.source,
                                                sourceFile: match.file, page: match.page,
                                                detail: "Ngày viết tay; ngày \(date.display) được xác nhận bởi bản in: \(Self.describe(match))."))
            return true
        }
        // The printed month up to the signing day: one day left is the date.
        if let bound = signingBound, let month = fields.datePartial.flatMap(MonthOfYear.init),
           month.year == bound.year, month.month == bound.month, bound.day == 1, date == bound {
            corroborations.append(Corroboration(file: file, field: .date, value: declared, source: .signingTime, sourceFile: file,
                                                detail: "Ngày viết tay; tháng in \(month.display) và chữ ký số ngày \(bound.display) chỉ để lại ngày \(date.display)."))
            return true
        }
        if let note = evidence.note { notes[.date] = note }
        return false
    }

    /// Words of a text for finding what follows a citation (lines joined: a citation wraps).
    static func citationWords(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{0C}" || $0 == "\r" })
    }

    /// The body named after a cited number: 'số 45/KH-UBND ngày 15/02/2024 của UBND huyện Trà Bồng về …'
    /// → 'UBND huyện Trà Bồng' (to a punctuation mark, 'về', 'về việc', or eight words).
    static func citedIssuer(of number: String, in words: [Substring]) -> String? {
        let stops: Set<String> = ["VE", "VV", "NAM", "DA", "DUOC", "TAI", "THEO", "QUY", "BAN", "TRIEN", "THUC"]
        for index in words.indices {
            let word = words[index].trimmingCharacters(in: .punctuationCharacters)
            let joined = index + 1 < words.count && words[index + 1].hasPrefix("/") ? word + String(words[index + 1]) : word
            guard word.first?.isNumber == true, Tolerant.sameNumber(String(joined), number) else { continue }
            var position = joined == word ? index + 1 : index + 2
            while position < min(words.count, index + 12) {
                let key = String(words[position]).folded.trimmingCharacters(in: .punctuationCharacters)
                if key == "CUA" { break }
                // Another citation or the end of this one: nothing named.
                if words[position].last.map({ ";)".contains($0) }) ?? false || key.contains("/") && key.contains(where: \.isLetter) { position = words.count; break }
                position += 1
            }
            guard position < min(words.count, index + 12) else { continue }
            var name = [String]()
            for word in words[(position + 1)...].prefix(8) {
                let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()"))
                if name.count >= 2, stops.contains(bare.folded) { break }
                if !bare.isEmpty { name.append(bare) }
                if word.last.map({ ",;.)".contains($0) }) ?? false { break }
            }
            if name.count >= 2 { return name.joined(separator: " ") }
        }
        return nil
    }

    /// Whether a cited body can be the document's issuer: the same body, or one naming the other
    /// ('UBND huyện' in a district's own text, 'ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG' for 'UBND huyện Trà Bồng').
    /// Its parent line is not: 'của UBND tỉnh' cites the province's document, not the district's.
    static func sameIssuer(_ issuer: String, _ named: String) -> Bool {
        Tolerant.sameBody(issuer, named) || Tolerant.bodyContains(issuer, named) || Tolerant.bodyContains(named, issuer)
    }

    static func describe(_ citation: Citation) -> String {
        switch citation.source {
        case .appendix: "phụ lục kèm theo văn bản ghi \(citation.text) (\(citation.place))"
        case .citingDocument: "văn bản khác trong hồ sơ dẫn \(citation.text) (\(citation.place))"
        case .signingTime: "thời gian ký số"
        case .handwriting: "đọc lại phần viết tay"
        }
    }
}
