/// One cryptographic signature of a PDF (a signature field with a PKCS#7/CAdES value), as read from
/// the file and checked by poppler: who signed (the certificate's subject), when, over which bytes,
/// and whether the bytes and the certificate hold. Read once per file and stored with the document.
package struct PDFSignature: Codable, Hashable, Sendable {
    /// The field's name ('Signature1').
    package var field: String?
    /// The certificate subject's common name (CN): a body ('Ủy ban nhân dân tỉnh Quảng Ngãi') or a person.
    package var signerName: String?
    /// The subject's organisation (O), the body a personal certificate belongs to.
    package var organization: String?
    /// The subject's organisational unit (OU).
    package var organizationalUnit: String?
    /// The certificate issuer's common name (the certification authority).
    package var issuer: String?
    /// When it was signed, ISO 8601 with the signer's offset when the file gives it ('2025-02-07T15:53:02+07:00').
    /// An upper bound of the document's date, never the date itself.
    package var signingTime: String?
    /// The message digest ('SHA-256', 'SHA-1').
    package var hashAlgorithm: String?
    /// 1-based page of the signature's widget, and its box; nil for an invisible signature.
    package var page: Int?
    package var box: Box?
    /// The signed byte ranges reach the end of the file: nothing was appended after this signature.
    package var coversWholeDocument: Bool?
    /// Revisions appended after this signature change what a page shows (content, pages, annotations),
    /// beyond adding signatures; nil when it cannot be told (for example compressed object streams).
    package var modifiedAfterSigning: Bool?
    /// Integrity: whether the signed bytes still hash to what was signed.
    package var status: Status
    /// Trust: whether the certificate chains to a trusted authority.
    package var certificate: CertificateStatus
    /// The certificate's validity window, ISO 8601 in UTC.
    package var certificateValidFrom: String?
    package var certificateValidUntil: String?

    package init(field: String? = nil, signerName: String? = nil, organization: String? = nil,
                organizationalUnit: String? = nil, issuer: String? = nil, signingTime: String? = nil,
                hashAlgorithm: String? = nil, page: Int? = nil, box: Box? = nil,
                coversWholeDocument: Bool? = nil, modifiedAfterSigning: Bool? = nil,
                status: Status, certificate: CertificateStatus,
                certificateValidFrom: String? = nil, certificateValidUntil: String? = nil) {
        self.field = field; self.signerName = signerName; self.organization = organization
        self.organizationalUnit = organizationalUnit; self.issuer = issuer; self.signingTime = signingTime
        self.hashAlgorithm = hashAlgorithm; self.page = page; self.box = box
        self.coversWholeDocument = coversWholeDocument; self.modifiedAfterSigning = modifiedAfterSigning
        self.status = status; self.certificate = certificate
        self.certificateValidFrom = certificateValidFrom; self.certificateValidUntil = certificateValidUntil
    }

    /// Integrity of the signed bytes.
    package enum Status: String, Codable, Hashable, Sendable {
        /// The signed bytes are intact and the signature matches the certificate.
        case valid
        /// The signed bytes changed after signing: the file was altered.
        case digestMismatch = "digest-mismatch"
        /// The signature value does not verify against the signer's certificate.
        case invalid
        /// The signature structure is malformed.
        case decodingError = "decoding-error"
        /// Poppler could not check it (an unsupported algorithm or format).
        case unsupported
        case notVerified = "not-verified"
    }

    /// Trust in the signer's certificate.
    package enum CertificateStatus: String, Codable, Hashable, Sendable {
        /// Chains to an authority in the configured trust store.
        case trusted
        /// Chains to no trusted authority: read and checked for integrity, but the signer is not vouched for.
        case issuerUnknown = "issuer-unknown"
        case issuerUntrusted = "issuer-untrusted"
        case revoked
        /// Outside its validity window at the time of the check.
        case expired
        case error
        case notVerified = "not-verified"
    }

    /// The bytes were changed after signing: forgery or corruption, never benign.
    package var isAltered: Bool { status == .digestMismatch || status == .invalid }
}

extension PDFSignature {
    /// The signing time as a date, when it was read.
    package var signingDate: String? { signingTime.map { String($0.prefix(10)) } }
}
