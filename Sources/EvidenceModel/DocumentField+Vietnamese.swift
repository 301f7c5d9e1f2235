/// The field's name in Vietnamese, as the flags' messages and the pages name it: one list, so a flag
/// and the label beside it on a page say the same thing.
extension DocumentField {
    package var vietnameseName: String {
        switch self {
        case .number: "số, ký hiệu"
        case .date: "ngày ban hành"
        case .type, .typeName: "loại văn bản"
        case .issuer: "cơ quan ban hành"
        case .parent: "cơ quan chủ quản"
        case .place: "địa danh"
        case .title: "trích yếu"
        case .signer, .signerName: "người ký"
        case .signerTitle: "chức vụ người ký"
        // What an appraiser reads for it: the signature block, to tell an original from a draft.
        case .draft: "phần ký (bản chính hay dự thảo)"
        case .references: "căn cứ"
        case .secretary: "thư ký (biên bản)"
        }
    }
}
