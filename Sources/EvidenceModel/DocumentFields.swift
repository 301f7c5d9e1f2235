/// The fields of a Vietnamese administrative document (Decree 30/2020/NĐ-CP layout) that an
/// appraiser checks. A field the parser could not read for sure is nil: never a guess.
package struct DocumentFields: Codable, Hashable, Sendable {
    /// Decree 30 abbreviation: "KH", "QĐ", "BB", ...; "CV" for a công văn.
    package var type: String?
    /// The type's name with diacritics: "Kế hoạch".
    package var typeName: String?
    /// Number and symbol as printed: "178/KH-UBND".
    package var number: String?
    /// The issuing body, its lines joined: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG".
    package var issuer: String?
    /// The superior body's line above the issuer, when the header has one.
    package var parent: String?
    package var place: String?
    /// ISO date (yyyy-MM-dd); nil when the date is blank or unreadable.
    package var date: String?
    /// The subject ('trích yếu') on one line.
    package var title: String?
    package var signer: Signer?
    /// Minutes ('Biên bản'): the secretary's block beside the chair's (the chair is `signer`).
    package var secretary: Signer?
    /// The printed symbol of the number ('/TTr-UBND' → "TTr-UBND"), also when the figures before it
    /// were filled in by hand and `number` is nil.
    package var numberSymbol: String?
    /// What of the date is printed when the day is not readable: "2025-02" (year and month), or "2025".
    package var datePartial: String?
    /// A draft ('DỰ THẢO') or a document without a signature block.
    package var draft: Bool
    package var references: [Reference]
    /// What the pages after the signature block (an appendix, a plan issued with a decision) print
    /// about the document they go with: '(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2024 …)'. The
    /// document's own number and date in print, where its own are filled in by hand.
    package var attachedTo: [Reference]
    /// A file holding several documents: every one of them, the first included (whose fields are
    /// also the top-level ones). Empty for a file of one document.
    package var documents: [DocumentPart]
    /// Per field, how sure the parser is (0...1).
    package var fieldConfidence: [DocumentField: Double]
    /// Why a field is null although something is printed or written there (hand-filled, illegible).
    package var fieldStatus: [DocumentField: FieldStatus]
    /// Where each field was read (page, line and box), or where it should be when abstained on,
    /// for flags that point into the document and for the review screens that crop it.
    package var locations: [DocumentField: Location]
    /// Hand-filled figures of the number (`number`) and the day (`date`) on a scan: their blank and,
    /// after extraction, the readings of its crop. Only for fields abstained on as `handwritten`.
    package var handwritten: [DocumentField: HandwrittenFigures]
    /// How a field was read when not as printed: 'handwriting: …' for figures read by hand.
    package var fieldSource: [DocumentField: String]

    package init(type: String? = nil, typeName: String? = nil, number: String? = nil, issuer: String? = nil,
                parent: String? = nil, place: String? = nil, date: String? = nil, title: String? = nil,
                signer: Signer? = nil, secretary: Signer? = nil, numberSymbol: String? = nil, datePartial: String? = nil,
                draft: Bool = false, references: [Reference] = [], attachedTo: [Reference] = [],
                fieldConfidence: [DocumentField: Double] = [:], fieldStatus: [DocumentField: FieldStatus] = [:],
                locations: [DocumentField: Location] = [:], documents: [DocumentPart] = [],
                handwritten: [DocumentField: HandwrittenFigures] = [:], fieldSource: [DocumentField: String] = [:]) {
        self.type = type; self.typeName = typeName; self.number = number; self.issuer = issuer
        self.parent = parent; self.place = place; self.date = date; self.title = title
        self.signer = signer; self.secretary = secretary; self.numberSymbol = numberSymbol; self.datePartial = datePartial
        self.draft = draft; self.references = references; self.attachedTo = attachedTo
        self.fieldConfidence = fieldConfidence; self.fieldStatus = fieldStatus; self.locations = locations
        self.documents = documents; self.handwritten = handwritten; self.fieldSource = fieldSource
    }

    package struct Signer: Codable, Hashable, Sendable {
        package var name: String?
        /// "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", ...
        package var title: String?
        /// "TM", "KT", "TL", "TUQ", "Q" or nil when the head signs in their own name.
        package var authority: String?
        package init(name: String? = nil, title: String? = nil, authority: String? = nil) {
            self.name = name; self.title = title; self.authority = authority
        }
    }

    /// A document cited in a 'Căn cứ' / 'Thực hiện' line, or named by an appendix ('Kèm theo …').
    package struct Reference: Codable, Hashable, Sendable {
        package var number: String
        package var date: String?
        /// The 1-based page the citation is printed on (appendix citations; written only when known).
        package var page: Int?
        package init(number: String, date: String? = nil, page: Int? = nil) {
            self.number = number; self.date = date; self.page = page
        }
    }

    package struct Location: Codable, Hashable, Sendable {
        /// 1-based page.
        package var page: Int
        /// 1-based line within the page's text.
        package var line: Int?
        /// The region on the page (fractions of the page), when the layout is known.
        package var box: Box?
        package init(page: Int, line: Int? = nil, box: Box? = nil) { self.page = page; self.line = line; self.box = box }
    }
}

extension DocumentFields {
    private enum CodingKeys: String, CodingKey {
        case type, typeName, number, issuer, parent, place, date, title, signer, secretary, numberSymbol, datePartial
        case draft, references, attachedTo, fieldConfidence, fieldStatus, locations, documents, handwritten, fieldSource
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(type: try container.decodeIfPresent(String.self, forKey: .type),
                  typeName: try container.decodeIfPresent(String.self, forKey: .typeName),
                  number: try container.decodeIfPresent(String.self, forKey: .number),
                  issuer: try container.decodeIfPresent(String.self, forKey: .issuer),
                  parent: try container.decodeIfPresent(String.self, forKey: .parent),
                  place: try container.decodeIfPresent(String.self, forKey: .place),
                  date: try container.decodeIfPresent(String.self, forKey: .date),
                  title: try container.decodeIfPresent(String.self, forKey: .title),
                  signer: try container.decodeIfPresent(Signer.self, forKey: .signer),
                  // Added with the real-scan reading: absent from documents stored before.
                  secretary: try container.decodeIfPresent(Signer.self, forKey: .secretary),
                  numberSymbol: try container.decodeIfPresent(String.self, forKey: .numberSymbol),
                  datePartial: try container.decodeIfPresent(String.self, forKey: .datePartial),
                  draft: try container.decodeIfPresent(Bool.self, forKey: .draft) ?? false,
                  references: try container.decodeIfPresent([Reference].self, forKey: .references) ?? [],
                  // Added with corroboration from print: absent from documents stored before.
                  attachedTo: try container.decodeIfPresent([Reference].self, forKey: .attachedTo) ?? [],
                  fieldConfidence: try container.decodeIfPresent([DocumentField: Double].self, forKey: .fieldConfidence) ?? [:],
                  // Documents stored before field statuses existed have none.
                  fieldStatus: try container.decodeIfPresent([DocumentField: FieldStatus].self, forKey: .fieldStatus) ?? [:],
                  locations: try container.decodeIfPresent([DocumentField: Location].self, forKey: .locations) ?? [:],
                  documents: try container.decodeIfPresent([DocumentPart].self, forKey: .documents) ?? [],
                  // Added with the readings of hand-filled figures: absent from documents stored before.
                  handwritten: try container.decodeIfPresent([DocumentField: HandwrittenFigures].self, forKey: .handwritten) ?? [:],
                  fieldSource: try container.decodeIfPresent([DocumentField: String].self, forKey: .fieldSource) ?? [:])
    }

    /// Fields the parser could not read are written as null, never left out.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(typeName, forKey: .typeName)
        try container.encode(number, forKey: .number)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(parent, forKey: .parent)
        try container.encode(place, forKey: .place)
        try container.encode(date, forKey: .date)
        try container.encode(title, forKey: .title)
        try container.encode(signer, forKey: .signer)
        try container.encode(secretary, forKey: .secretary)
        try container.encode(numberSymbol, forKey: .numberSymbol)
        try container.encode(datePartial, forKey: .datePartial)
        try container.encode(draft, forKey: .draft)
        try container.encode(references, forKey: .references)
        try container.encode(attachedTo, forKey: .attachedTo)
        try container.encode(fieldConfidence, forKey: .fieldConfidence)
        try container.encode(fieldStatus, forKey: .fieldStatus)
        try container.encode(documents, forKey: .documents)
        try container.encode(locations, forKey: .locations)
        try container.encode(handwritten, forKey: .handwritten)
        try container.encode(fieldSource, forKey: .fieldSource)
    }
}

extension DocumentFields {
    /// The confidence below which a field is not trusted for an accusation: a check asks a person
    /// instead. The store keys documents by the same rule, so both sides agree on what is known.
    package static let trustThreshold = 0.6

    /// How sure the parser is of a field; a field it gave no figure for counts as sure.
    package func confidence(of field: DocumentField) -> Double { fieldConfidence[field] ?? 1 }

    /// The value when it is non-blank and read with at least `threshold` confidence; nil otherwise.
    package func trusted(_ field: DocumentField, _ value: String?, threshold: Double = trustThreshold) -> String? {
        guard let value, !value.allSatisfy(\.isWhitespace), confidence(of: field) >= threshold else { return nil }
        return value
    }

    /// The number and issuer that identify this document for duplicate detection, when both are trusted.
    package func identity(threshold: Double = trustThreshold) -> (number: String, issuer: String)? {
        guard let number = trusted(.number, number, threshold: threshold),
              let issuer = trusted(.issuer, issuer, threshold: threshold) else { return nil }
        return (number, issuer)
    }
}
