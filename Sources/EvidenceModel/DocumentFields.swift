/// The fields of a Vietnamese administrative document (Decree 30/2020/NĐ-CP layout) that an
/// appraiser checks. A field the parser could not read for sure is nil: never a guess.
public struct DocumentFields: Codable, Hashable, Sendable {
    /// Decree 30 abbreviation: "KH", "QĐ", "BB", ...; "CV" for a công văn.
    public var type: String?
    /// The type's name with diacritics: "Kế hoạch".
    public var typeName: String?
    /// Number and symbol as printed: "178/KH-UBND".
    public var number: String?
    /// The issuing body, its lines joined: "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG".
    public var issuer: String?
    /// The superior body's line above the issuer, when the header has one.
    public var parent: String?
    public var place: String?
    /// ISO date (yyyy-MM-dd); nil when the date is blank or unreadable.
    public var date: String?
    /// The subject ('trích yếu') on one line.
    public var title: String?
    public var signer: Signer?
    /// Minutes ('Biên bản'): the secretary's block beside the chair's (the chair is `signer`).
    public var secretary: Signer?
    /// The printed symbol of the number ('/TTr-UBND' → "TTr-UBND"), also when the figures before it
    /// were filled in by hand and `number` is nil.
    public var numberSymbol: String?
    /// What of the date is printed when the day is not readable: "2025-02" (year and month), or "2025".
    public var datePartial: String?
    /// A draft ('DỰ THẢO') or a document without a signature block.
    public var draft: Bool
    public var references: [Reference]
    /// Per field, how sure the parser is (0...1).
    public var fieldConfidence: [DocumentField: Double]
    /// Why a field is null although something is printed or written there (hand-filled, illegible).
    public var fieldStatus: [DocumentField: FieldStatus]
    /// Where each field was read (page, line and box), or where it should be when abstained on,
    /// for flags that point into the document and for the review screens that crop it.
    public var locations: [DocumentField: Location]

    public init(type: String? = nil, typeName: String? = nil, number: String? = nil, issuer: String? = nil,
                parent: String? = nil, place: String? = nil, date: String? = nil, title: String? = nil,
                signer: Signer? = nil, secretary: Signer? = nil, numberSymbol: String? = nil, datePartial: String? = nil,
                draft: Bool = false, references: [Reference] = [],
                fieldConfidence: [DocumentField: Double] = [:], fieldStatus: [DocumentField: FieldStatus] = [:],
                locations: [DocumentField: Location] = [:]) {
        self.type = type; self.typeName = typeName; self.number = number; self.issuer = issuer
        self.parent = parent; self.place = place; self.date = date; self.title = title
        self.signer = signer; self.secretary = secretary; self.numberSymbol = numberSymbol; self.datePartial = datePartial
        self.draft = draft; self.references = references
        self.fieldConfidence = fieldConfidence; self.fieldStatus = fieldStatus; self.locations = locations
    }

    public struct Signer: Codable, Hashable, Sendable {
        public var name: String?
        /// "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", ...
        public var title: String?
        /// "TM", "KT", "TL", "TUQ", "Q" or nil when the head signs in their own name.
        public var authority: String?
        public init(name: String? = nil, title: String? = nil, authority: String? = nil) {
            self.name = name; self.title = title; self.authority = authority
        }
    }

    /// A document cited in a 'Căn cứ' / 'Thực hiện' line.
    public struct Reference: Codable, Hashable, Sendable {
        public var number: String
        public var date: String?
        public init(number: String, date: String? = nil) { self.number = number; self.date = date }
    }

    public struct Location: Codable, Hashable, Sendable {
        /// 1-based page.
        public var page: Int
        /// 1-based line within the page's text.
        public var line: Int?
        /// The region on the page (fractions of the page), when the layout is known.
        public var box: Box?
        public init(page: Int, line: Int? = nil, box: Box? = nil) { self.page = page; self.line = line; self.box = box }
    }
}

extension DocumentFields {
    private enum CodingKeys: String, CodingKey {
        case type, typeName, number, issuer, parent, place, date, title, signer, secretary, numberSymbol, datePartial
        case draft, references, fieldConfidence, fieldStatus, locations
    }

    public init(from decoder: any Decoder) throws {
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
                  fieldConfidence: try container.decodeIfPresent([DocumentField: Double].self, forKey: .fieldConfidence) ?? [:],
                  // Documents stored before field statuses existed have none.
                  fieldStatus: try container.decodeIfPresent([DocumentField: FieldStatus].self, forKey: .fieldStatus) ?? [:],
                  locations: try container.decodeIfPresent([DocumentField: Location].self, forKey: .locations) ?? [:])
    }

    /// Fields the parser could not read are written as null, never left out.
    public func encode(to encoder: any Encoder) throws {
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
        try container.encode(fieldConfidence, forKey: .fieldConfidence)
        try container.encode(fieldStatus, forKey: .fieldStatus)
        try container.encode(locations, forKey: .locations)
    }
}

extension DocumentFields {
    /// The confidence below which a field is not trusted for an accusation: a check asks a person
    /// instead. The store keys documents by the same rule, so both sides agree on what is known.
    public static let trustThreshold = 0.6

    /// How sure the parser is of a field; a field it gave no figure for counts as sure.
    public func confidence(of field: DocumentField) -> Double { fieldConfidence[field] ?? 1 }

    /// The value when it is non-blank and read with at least `threshold` confidence; nil otherwise.
    public func trusted(_ field: DocumentField, _ value: String?, threshold: Double = trustThreshold) -> String? {
        guard let value, !value.allSatisfy(\.isWhitespace), confidence(of: field) >= threshold else { return nil }
        return value
    }

    /// The number and issuer that identify this document for duplicate detection, when both are trusted.
    public func identity(threshold: Double = trustThreshold) -> (number: String, issuer: String)? {
        guard let number = trusted(.number, number, threshold: threshold),
              let issuer = trusted(.issuer, issuer, threshold: threshold) else { return nil }
        return (number, issuer)
    }
}
