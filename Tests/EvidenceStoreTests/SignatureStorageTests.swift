import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

/// Signatures are validated once, at extraction, and kept with the document.
@Suite struct SignatureStorageTests {
    @Test(arguments: StoreBackend.allCases) func signaturesAreStoredWithTheDocument(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        var (doc, fields) = Sample.document("kh-45.pdf")
        doc.digitalSignatures = [PDFSignature(
            field: "Signature1", signerName: "Ủy ban nhân dân huyện Trà Bồng", organization: "Tỉnh Quảng Ngãi",
            issuer: "CA phục vụ các cơ quan Nhà nước G2", signingTime: "2024-02-17T09:30:00+07:00", hashAlgorithm: "SHA-256",
            page: 1, box: Box(x: 0.6, y: 0.1, width: 0.3, height: 0.06), coversWholeDocument: false,
            modifiedAfterSigning: false, status: .valid, certificate: .issuerUnknown,
            certificateValidFrom: "2023-01-01T00:00:00Z", certificateValidUntil: "2028-01-01T00:00:00Z")]
        try store.saveDocument(doc, fields: fields)
        let stored = try #require(try store.document(sha256: doc.sha256)?.extracted)
        #expect(stored.digitalSignatures == doc.digitalSignatures)
    }

    @Test func documentsStoredBeforeSignaturesDecodeWithNone() throws {
        let (doc, _) = Sample.document("kh-45.pdf")
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(doc)) as? [String: Any])
        object.removeValue(forKey: "digitalSignatures")
        let old = try JSONDecoder().decode(ExtractedDocument.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.digitalSignatures.isEmpty)
        #expect(old.perPage == doc.perPage)
    }
}
