import FoundationEssentials
import Foundation
import EvidenceModel
import EvidenceStore

/// Vietnamese names of what the pages show. The flags' own messages are Vietnamese already.
enum Labels {
    static func role(_ role: UserRole) -> String {
        switch role {
        case .unit: "Đơn vị"
        case .appraiser: "Thẩm định"
        case .consumer: "Hệ thống chấm điểm"
        case .admin: "Quản trị"
        case .metrics: "Giám sát (metrics)"
        }
    }

    static func state(_ state: SubmissionState) -> String {
        switch state {
        case .queued: "Đang chờ đọc"
        case .extracting: "Đang đọc tài liệu"
        case .checked: "Đã kiểm tra"
        case .failed: "Lỗi"
        }
    }

    /// A claim's verdict: its words and the CSS class that colours it.
    static func verdict(_ verdict: ClaimVerdict) -> (label: String, cssClass: String) {
        switch verdict {
        case .pending: ("Đang kiểm tra", "pending")
        case .supported: ("Được chấp nhận", "supported")
        case .flagged: ("Không được chấp nhận", "flagged")
        case .needsReview: ("Cần thẩm định viên xem", "review")
        }
    }

    static func reason(_ reason: FlagReason) -> String {
        switch reason {
        case .noEvidence: "Không có tài liệu kiểm chứng"
        case .scoreAboveMax: "Điểm vượt mức tối đa"
        case .fileMissing: "Thiếu tệp"
        case .unreadable: "Không đọc được tài liệu"
        case .numberMismatch: "Số văn bản không khớp"
        case .dateMismatch: "Ngày văn bản không khớp"
        case .outOfPeriod: "Ngoài kỳ đánh giá"
        case .wrongType: "Sai loại văn bản"
        case .wrongIssuer: "Không do đơn vị ban hành"
        case .signerMismatch: "Người ký không khớp"
        case .unsigned: "Chưa ký"
        case .draft: "Bản dự thảo"
        case .duplicateEvidence: "Trùng tài liệu của đơn vị khác"
        case .insufficientCount: "Không đủ số lượng"
        case .signerNotHead: "Người ký không phải người đứng đầu"
        case .offTopic: "Không đúng nội dung chỉ tiêu"
        case .needsReview: "Cần thẩm định viên xem"
        case .signatureInvalid: "Chữ ký số không hợp lệ"
        case .modifiedAfterSigning: "Sửa đổi sau khi ký"
        case .dateAfterSigning: "Ngày văn bản sau ngày ký số"
        case .notDigitallySigned: "Chưa ký số"
        }
    }
}
