import Testing
import EvidenceModel
@testable import EvidenceExtraction

@Suite struct SignatureStampTests {
    @Test func stampFieldsAreReadAndRemovedFromTheText() throws {
        let text = "Ký bởi: Ủy ban nhân dân huyện Trà Bồng\nEmail: ubnd@quangngai.gov.vn\nCơ quan: Tỉnh Quảng Ngãi\nThời gian ký: 28.10.2024 08:15:02 +07:00\n"
        let (signature, rest) = SignatureStamp.split(text)
        let stamp = try #require(signature)
        #expect(stamp.signedBy == "Ủy ban nhân dân huyện Trà Bồng")
        #expect(stamp.organization == "Tỉnh Quảng Ngãi")
        #expect(stamp.time == "2024-10-28T08:15:02+07:00")
        #expect(rest.filter(\.isLetter).isEmpty)
    }

    @Test func stampWithoutDiacriticsAndSlashDate() throws {
        let (signature, _) = SignatureStamp.split("Ky boi: So Thong tin va Truyen thong\nThoi gian ky: 3/4/2024 14:05")
        let stamp = try #require(signature)
        #expect(stamp.signedBy == "So Thong tin va Truyen thong")
        #expect(stamp.time == "2024-04-03T14:05:00+07:00")
    }

    @Test func ordinaryTextHasNoStamp() {
        let text = "Cơ quan chủ trì: Phòng Văn hóa và Thông tin.\nThời gian thực hiện: quý IV."
        let (signature, rest) = SignatureStamp.split(text)
        #expect(signature == nil)
        #expect(rest == text)
    }
}
