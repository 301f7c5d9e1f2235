import EvidenceModel

/// What a PDF signature's PKCS#7 (CMS SignedData) envelope says about its signer: the certificate's
/// subject and issuer, its validity, the digest and the signed signing time. Read from the bytes
/// only; whether they verify is poppler's (NSS's) job.
struct CMSSignerInfo: Equatable {
    var commonName: String?
    var organization: String?
    var organizationalUnit: String?
    var issuerCommonName: String?
    var hashAlgorithm: String?
    /// The signed signingTime attribute, ISO 8601 UTC; absent in PAdES signatures (the PDF's /M holds it).
    var signingTime: String?
    var validFrom: String?
    var validUntil: String?

    /// Nil when the bytes are not a SignedData envelope with a signer.
    init?(der: [UInt8]) {
        var reader = DERReader(der[...])
        guard let contentInfo = reader.next(), contentInfo.tag == 0x30,
              contentInfo.child(0)?.objectIdentifier == "1.2.840.113549.1.7.2",
              let explicit = contentInfo.child(1), explicit.tag == 0xA0,
              let signedData = explicit.child(0), signedData.tag == 0x30 else { return nil }
        let parts = signedData.children
        let certificates = parts.first { $0.tag == 0xA0 }?.children.filter { $0.tag == 0x30 } ?? []
        guard let signerInfos = parts.last(where: { $0.tag == 0x31 }), let signer = signerInfos.child(0) else { return nil }
        let fields = signer.children
        guard fields.count >= 4 else { return nil }
        // sid: IssuerAndSerialNumber, or [0] subjectKeyIdentifier.
        let sid = fields[1]
        let certificate = Self.certificate(for: sid, among: certificates) ?? certificates.first.flatMap(Certificate.init)
        hashAlgorithm = fields[2].child(0)?.objectIdentifier.flatMap { Self.digestNames[$0] }
        if let attributes = fields.first(where: { $0.tag == 0xA0 }) {
            for attribute in attributes.children where attribute.child(0)?.objectIdentifier == "1.2.840.113549.1.9.5" {
                signingTime = attribute.child(1)?.child(0)?.time
            }
        }
        commonName = certificate?.subject["2.5.4.3"]
        organization = certificate?.subject["2.5.4.10"]
        organizationalUnit = certificate?.subject["2.5.4.11"]
        issuerCommonName = certificate?.issuer["2.5.4.3"] ?? certificate?.issuer["2.5.4.10"]
        validFrom = certificate?.validFrom
        validUntil = certificate?.validUntil
    }

    private static func certificate(for sid: DERNode, among certificates: [DERNode]) -> Certificate? {
        let parsed = certificates.compactMap(Certificate.init)
        if sid.tag == 0x30, let issuer = sid.child(0), let serial = sid.child(1) {
            return parsed.first { $0.issuerDER == Array(issuer.whole) && $0.serial == Array(serial.body) }
        }
        if sid.tag == 0x80 {
            return parsed.first { $0.subjectKeyIdentifier == Array(sid.body) }
        }
        return nil
    }

    static let digestNames: [String: String] = [
        "1.3.14.3.2.26": "SHA-1",
        "2.16.840.1.101.3.4.2.1": "SHA-256",
        "2.16.840.1.101.3.4.2.2": "SHA-384",
        "2.16.840.1.101.3.4.2.3": "SHA-512",
        "2.16.840.1.101.3.4.2.4": "SHA-224",
        "1.2.840.113549.2.5": "MD5",
    ]
}

/// The parts of an X.509 certificate evidenced reports.
private struct Certificate {
    var serial: [UInt8]
    var issuerDER: [UInt8]
    /// Attribute values by OID; the first of each kind.
    var subject: [String: String]
    var issuer: [String: String]
    var validFrom: String?
    var validUntil: String?
    var subjectKeyIdentifier: [UInt8]?

    init?(_ node: DERNode) {
        guard let tbs = node.child(0), tbs.tag == 0x30 else { return nil }
        var fields = tbs.children
        if fields.first?.tag == 0xA0 { fields.removeFirst() }
        // serial, signature algorithm, issuer, validity, subject, key, extensions...
        guard fields.count >= 6 else { return nil }
        serial = Array(fields[0].body)
        issuerDER = Array(fields[2].whole)
        issuer = Self.names(fields[2])
        validFrom = fields[3].child(0)?.time
        validUntil = fields[3].child(1)?.time
        subject = Self.names(fields[4])
        if let extensions = fields.first(where: { $0.tag == 0xA3 })?.child(0) {
            for item in extensions.children where item.child(0)?.objectIdentifier == "2.5.29.14" {
                var inner = DERReader(item.children.last?.body ?? [])
                subjectKeyIdentifier = inner.next().map { Array($0.body) }
            }
        }
    }

    private static func names(_ name: DERNode) -> [String: String] {
        var values: [String: String] = [:]
        for set in name.children {
            for pair in set.children {
                guard let oid = pair.child(0)?.objectIdentifier, let value = pair.child(1)?.string,
                      values[oid] == nil else { continue }
                values[oid] = value.nfc
            }
        }
        return values
    }
}
