import Foundation
import EvidenceModel

/// needs-review as an appraiser uses it: one flag per thing to read, naming the field, its page
/// and its box (the review screen crops it) and what the unit declared, so one glance settles it.
extension DocumentInspector {
    /// The whole page, when the parser has no region for a field: the appraiser reads that page.
    static let wholePage = Box(x: 0, y: 0, width: 1, height: 1)

    func box(_ field: DocumentField) -> Box? { facts.fields?.locations[field]?.box }

    /// Where to look for a point: the field's own place, else a related one, else the page the
    /// field usually sits on (the header on page 1, the signature on the last page with text).
    func place(of point: ReviewPoint) -> (field: DocumentField, page: Int, box: Box) {
        let field: DocumentField
        switch point {
        case .field(let named): field = named
        case .wholeDocument: field = .type
        case .topic: field = .title
        case .signature:
            // The signature field that could not be checked, where the PDF draws it.
            if let unread = document.digitalSignatures.first(where: { [.decodingError, .unsupported].contains($0.status) }),
               let page = unread.page {
                return (.signer, page, unread.box ?? Self.wholePage)
            }
            field = .signer
        }
        let related: [DocumentField] = switch field {
        case .signer: [.signer, .signerName, .signerTitle]
        case .signerName, .signerTitle: [field, .signer]
        case .draft: [.draft, .signer]
        case .type: [.type, .typeName, .title]
        case .issuer: [.issuer, .parent]
        default: [field]
        }
        for candidate in related {
            if let location = facts.fields?.locations[candidate] {
                return (field, location.page, location.box ?? Self.wholePage)
            }
        }
        let signaturePart: Set<DocumentField> = [.signer, .signerName, .signerTitle, .draft, .secretary]
        let page = signaturePart.contains(field) ? lastPageWithText : 1
        return (field, page, Self.wholePage)
    }

    var lastPageWithText: Int {
        document.perPage.last(where: { $0.text.contains(where: \.isLetter) })?.page ?? 1
    }

    /// What the unit declared for a field, for the appraiser to compare with the page.
    func declared(_ field: DocumentField) -> String? {
        switch field {
        case .number: item.number
        case .date: item.date.map(FlagText.date)
        case .signer, .signerName: item.signer
        default: nil
        }
    }

    /// One needs-review per point; none for a field an accusation of this document already names.
    mutating func finish() {
        let accused = Set(flags.filter { $0.reason.accuses }.compactMap(\.field))
        for point in unsure {
            let (field, page, box) = place(of: point)
            if accused.contains(field) { continue }
            let name = FlagText.name(point)
            let declaredValue = declared(field)
            let what = declaredValue.map { "; đơn vị kê khai: \($0)" } ?? ""
            // What print elsewhere says about it (a citation that disagrees, several that could be it).
            let printed = point.field.flatMap { notes[$0] }.map { " " + $0 } ?? ""
            flags.append(Flag(reason: .needsReview,
                              message: "Không đọc chắc chắn được \(name) của tệp \(file) (trang \(page))\(what); cần thẩm định viên xem trực tiếp.\(printed)",
                              file: file, page: page,
                              expected: declaredValue ?? "Trường đọc được với độ tin cậy đủ",
                              found: "Không chắc chắn: \(name)", field: field, box: box))
        }
    }
}
