import Foundation
import EvidenceModel

/// What the checker found about one evidence file of one claim.
struct DocumentReview: Sendable {
    var flags: [Flag] = []
    /// Counts toward the claim: present, readable, nothing found against it (needs-review is not an accusation).
    var valid: Bool { !flags.contains { $0.reason.accuses } }
    /// Signed by a deputy where the count rule pays deputies separately.
    var countsAsDeputy = false
    /// sha256 and number keys: two reviews sharing one are the same document.
    var identity: Set<String> = []
    /// The evidence file, for claim-level findings that point at one.
    var file: String?
    /// Declared values that print elsewhere confirmed where the page's own figures are hand-filled.
    var corroborations: [Corroboration] = []
}

/// Everything a document review needs besides the file itself.
struct ReviewContext: Sendable {
    let framework: Framework
    let options: CheckOptions
    let rule: EvidenceRule
    let indicator: Indicator
    let submission: Submission
    let claimIndex: Int
    let others: [KnownEvidence]
    /// Every evidence file of the submission (other claims' too): documents that cite this one.
    var evidence: [String: EvidenceFacts] = [:]

    func review(_ item: Submission.Evidence, facts: EvidenceFacts?) -> DocumentReview {
        var review = DocumentReview(file: item.file)
        let file = item.file
        guard let facts, facts.failure?.code != .notFound, facts.document != nil || facts.failure != nil else {
            review.flags.append(Flag(reason: .fileMissing,
                                     message: "Không tìm thấy tệp kiểm chứng \(file) trong hồ sơ.",
                                     file: file, expected: "Tệp \(file)", found: "Không có tệp"))
            return review
        }
        // Two documents of one bundle are two documents.
        review.identity.insert("sha:" + facts.sha256 + (facts.part.map { "#\($0.lowerBound)" } ?? ""))
        guard let document = facts.document else {
            let failure = facts.failure
            review.flags.append(Flag(reason: .unreadable,
                                     message: "Không đọc được tệp kiểm chứng \(file): \(FlagText.sentence(failure?.message ?? "lỗi không rõ"))",
                                     file: file, expected: "Tệp đọc được (PDF, ảnh, văn bản)",
                                     found: failure?.code.rawValue ?? "unreadable"))
            return review
        }
        var inspector = DocumentInspector(context: self, item: item, facts: facts, document: document)
        inspector.run()
        review.flags = RootCause.reduce(inspector.flags, source: rule.source)
        review.countsAsDeputy = inspector.countsAsDeputy
        // A field still flagged (an accusation of it, or its figures asked about) is not confirmed.
        let flagged = Set(review.flags.compactMap(\.field))
        review.corroborations = inspector.corroborations.filter { !flagged.contains($0.field) }
        if let number = inspector.trustedNumber { review.identity.insert("no:" + Tolerant.numberKey(number)) }
        return review
    }
}

/// What an appraiser is asked to read when the parser could not: a field, the whole document
/// (nothing recognisable), or its subject (too little confident text to judge the topic).
enum ReviewPoint: Hashable, Sendable {
    case field(DocumentField)
    case wholeDocument
    case topic
    /// A digital signature that could not be checked (malformed or of an unsupported kind).
    case signature

    var field: DocumentField? { if case .field(let field) = self { field } else { nil } }
}

/// The field-by-field checks of one readable document.
struct DocumentInspector {
    let context: ReviewContext
    let item: Submission.Evidence
    let facts: EvidenceFacts
    let document: ExtractedDocument
    var flags: [Flag] = []
    var unsure: [ReviewPoint] = []
    var countsAsDeputy = false
    /// Declared values confirmed by print elsewhere (appendix, citing document, signing time).
    var corroborations: [Corroboration] = []
    /// What print elsewhere says about a field left to the appraiser (a citation that disagrees).
    var notes: [DocumentField: String] = [:]

    init(context: ReviewContext, item: Submission.Evidence, facts: EvidenceFacts, document: ExtractedDocument) {
        self.context = context; self.item = item; self.facts = facts; self.document = document
    }

    var rule: EvidenceRule { context.rule }
    var file: String { item.file }
    var isDocumentRule: Bool { rule.kind == .document }

    /// A field's value when the parser is sure of it.
    func trusted(_ field: DocumentField, _ value: String?) -> String? {
        facts.fields?.trusted(field, value, threshold: context.options.fieldConfidence)
    }

    func page(_ field: DocumentField) -> Int? { facts.fields?.locations[field]?.page }

    var trustedNumber: String? { trusted(.number, facts.fields?.number) }

    mutating func doubt(_ point: ReviewPoint) { if !unsure.contains(point) { unsure.append(point) } }
    mutating func doubt(_ field: DocumentField) { doubt(.field(field)) }

    mutating func flag(_ reason: FlagReason, _ message: String, field: DocumentField? = nil, expected: String?, found: String?) {
        flags.append(Flag(reason: reason, message: message, file: file, page: field.flatMap(page),
                          expected: expected, found: found, field: field, box: field.flatMap(box)))
    }

    mutating func run() {
        guard checkReadable() else { return }
        checkDuplicates()
        checkSignatures(facts.fields)
        guard let fields = facts.fields else {
            if isDocumentRule || item.number != nil || item.date != nil || item.signer != nil { doubt(.wholeDocument) }
            checkTopic(fields: nil)
            finish()
            return
        }
        checkDraft(fields)
        checkDeclared(fields)
        checkType(fields)
        checkIssuer(fields)
        checkSigner(fields)
        checkPeriod(fields)
        checkTopic(fields: fields)
        finish()
    }

    // MARK: Checks

    mutating func checkDuplicates() {
        let mine = KnownEvidence(submission: context.submission.submission, unitCode: context.submission.unit.code,
                                 claimIndex: context.claimIndex, indicator: context.indicator.code, file: file, sha256: facts.sha256,
                                 number: trustedNumber, issuer: trusted(.issuer, facts.fields?.issuer))
        if let match = DuplicateEvidence.firstConflict(of: mine, among: context.others) {
            flags.append(DuplicateEvidence.flag(for: mine, conflict: match))
        }
    }

    mutating func checkType(_ fields: DocumentFields) {
        guard !rule.types.isEmpty else { return }
        let parsed = trusted(.type, fields.type).flatMap { DocumentType.canonical($0) ?? $0 }
        let found = parsed ?? trustedNumber.flatMap(Tolerant.typeFromNumber)
        guard let found else {
            if isDocumentRule { doubt(.type) }
            return
        }
        guard !rule.types.contains(where: { $0.folded == found.folded }) else { return }
        let framework = context.framework
        flag(.wrongType,
             "Loại văn bản không phù hợp: chỉ tiêu \(context.framework.displayCode(context.indicator)) cần \(FlagText.typeList(rule.types, in: framework)), tài liệu là \(FlagText.typeLabel(found, in: framework)).",
             field: parsed != nil ? .type : .number,
             expected: FlagText.typeList(rule.types, in: framework), found: FlagText.typeLabel(found, in: framework))
    }

    mutating func checkSigner(_ fields: DocumentFields) {
        guard rule.signer == .head else { return }
        switch signerRole(fields) {
        case .head: return
        case .unknown:
            if isDocumentRule { doubt(.signer) }
        case .deputy(let found):
            if rule.count?.deputyPerDocument != nil {
                countsAsDeputy = true
            } else {
                flag(.signerNotHead,
                     "Chỉ tiêu \(context.framework.displayCode(context.indicator)) yêu cầu người đứng đầu ký hoặc chủ trì; văn bản do cấp phó hoặc người được ủy quyền ký.",
                     field: .signer, expected: "Người đứng đầu (không ký thay 'KT.')", found: found)
            }
        }
    }

    mutating func checkPeriod(_ fields: DocumentFields) {
        guard rule.period != .any, let from = ISODate(context.submission.period.from),
              let to = ISODate(context.submission.period.to) else { return }
        let parsed = trusted(.date, fields.date).flatMap(ISODate.init)
        let declared = item.date.flatMap(ISODate.init)
        guard let date = parsed ?? declared else {
            checkPeriod(partial: fields.datePartial.flatMap(MonthOfYear.init), from: from, to: to)
            return
        }
        let source = parsed == nil ? " (ngày đơn vị kê khai)" : ""
        switch rule.period {
        case .within where date < from || date > to:
            flag(.outOfPeriod, "Văn bản ban hành ngày \(date.display)\(source), ngoài kỳ đánh giá từ \(from.display) đến \(to.display).",
                 field: .date, expected: "Từ \(from.display) đến \(to.display)", found: date.display + source)
        case .beforeEnd where date > to:
            flag(.outOfPeriod, "Văn bản ban hành ngày \(date.display)\(source), sau ngày kết thúc kỳ đánh giá \(to.display).",
                 field: .date, expected: "Không muộn hơn \(to.display)", found: date.display + source)
        default: break
        }
    }

    mutating func checkTopic(fields: DocumentFields?) {
        guard !rule.keywords.isEmpty || !rule.keywordsAll.isEmpty else { return }
        let text = Tolerant.searchable(document.text + "\n" + (fields?.title ?? ""))
        let anyOK = rule.keywords.isEmpty || rule.keywords.contains { Tolerant.mentionsAny(text, alternatives: $0) }
        let missingAll = rule.keywordsAll.filter { !Tolerant.mentionsAny(text, alternatives: $0) }
        guard !anyOK || !missingAll.isEmpty else { return }
        let ocrPages = document.perPage.filter { $0.source == .ocr }
        let weakOCR = ocrPages.contains { ($0.confidence ?? 0) < context.options.textConfidence }
        if weakOCR || text.count < context.options.minimumTopicText {
            doubt(.topic); return
        }
        var expected: [String] = []
        if !anyOK { expected.append("một trong: " + rule.keywords.joined(separator: ", ")) }
        if !missingAll.isEmpty { expected.append("đủ: " + missingAll.joined(separator: ", ")) }
        let title = fields?.title.map { "“\($0)”" } ?? "không có từ khóa của chỉ tiêu"
        flags.append(Flag(reason: .offTopic,
                          message: "Nội dung văn bản không liên quan đến chỉ tiêu \(context.framework.displayCode(context.indicator)) (\(context.indicator.name)).",
                          file: file, page: page(.title) ?? 1,
                          expected: "Văn bản đề cập " + expected.joined(separator: "; "), found: title))
    }
}
