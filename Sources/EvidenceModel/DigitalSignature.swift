/// The visible digital-signature stamp of a signed PDF ('Ký bởi: ... Cơ quan: ... Thời gian ký: ...').
/// Its time is when the file was signed, never the document's date.
package struct DigitalSignature: Codable, Hashable, Sendable {
    package var signedBy: String
    package var organization: String?
    /// As printed, normalised to ISO 8601 when it could be read ('2024-10-28T08:15:02+07:00').
    package var time: String?

    package init(signedBy: String, organization: String? = nil, time: String? = nil) {
        self.signedBy = signedBy; self.organization = organization; self.time = time
    }
}
