import EvidenceExtraction
import EvidenceModel
import Foundation
import Testing

/// Digital signatures read from signed PDFs: made with a throwaway CA, and one real file.
/// No trust folder in this process: every issuer stays unknown or untrusted (trust is tested
/// through the command line, where each process opens its own trust store).
@Suite(.enabled(if: SignedFixtures.available, "python3 with the `cryptography` package is needed to sign test PDFs (make test installs it)"))
struct PDFSignatureTests {
    static let extractor = Extractor(options: ExtractionOptions(workers: 1))

    func signatures(_ name: String) throws -> [PDFSignature] {
        try Self.extractor.extractSynchronously(fileAt: SignedFixtures.url(name)).digitalSignatures
    }

    @Test func validSignatureIsReadWithItsCertificate() throws {
        let all = try signatures("valid.pdf")
        let signature = try #require(all.first)
        #expect(all.count == 1)
        #expect(signature.status == .valid)
        #expect(signature.signerName == "Ủy ban nhân dân huyện Thử Nghiệm")
        #expect(signature.organization == "Tỉnh Thử Nghiệm")
        #expect(signature.issuer == "Evidenced Test Root CA")
        #expect(signature.hashAlgorithm == "SHA-256")
        #expect(signature.field == "Signature1")
        #expect(signature.coversWholeDocument == true)
        #expect(signature.modifiedAfterSigning == false)
        // Not trusted without a configured folder, whatever the default NSS databases hold.
        #expect(signature.certificate != .trusted)
        // The signer's offset comes from /M.
        #expect(signature.signingTime?.hasSuffix("+07:00") == true, "\(signature.signingTime ?? "nil")")
        // Widget at [340 60 540 120] on a 595 x 842 page, origin top left.
        #expect(signature.page == 1)
        let box = try #require(signature.box)
        #expect(abs(box.x - 340.0 / 595) < 0.001 && abs(box.y - (842.0 - 120) / 842) < 0.001)
        #expect(abs(box.width - 200.0 / 595) < 0.001 && abs(box.height - 60.0 / 842) < 0.001)
    }

    @Test func oneChangedByteInTheSignedRangeIsCaught() throws {
        let signature = try #require(try signatures("altered.pdf").first)
        #expect(signature.status == .digestMismatch)
        #expect(signature.isAltered)
        #expect(signature.signerName == "Ủy ban nhân dân huyện Thử Nghiệm")
    }

    @Test func contentRewrittenInALaterRevisionIsModifiedAfterSigning() throws {
        let signature = try #require(try signatures("updated.pdf").first)
        // The signed bytes are intact: only the appended revision tells.
        #expect(signature.status == .valid)
        #expect(signature.coversWholeDocument == false)
        #expect(signature.modifiedAfterSigning == true)
    }

    @Test func noteLaidOverThePageAfterSigningIsAModification() throws {
        let signature = try #require(try signatures("annotated.pdf").first)
        #expect(signature.status == .valid)
        #expect(signature.modifiedAfterSigning == true)
    }

    @Test func secondSignatureAppendedIsNotAModification() throws {
        let all = try signatures("two-signatures.pdf")
        #expect(all.count == 2)
        #expect(all.map(\.status) == [.valid, .valid])
        #expect(all.map(\.field) == ["Signature1", "Signature2"])
        #expect(all[0].coversWholeDocument == false && all[0].modifiedAfterSigning == false)
        #expect(all[1].coversWholeDocument == true)
        #expect(all[1].signerName == "Trung tâm Công báo và Tin học")
        #expect(all[1].organization == "Ủy ban nhân dân tỉnh Thử Nghiệm")
    }

    @Test func expiredCertificateIsReported() throws {
        let signature = try #require(try signatures("expired.pdf").first)
        #expect(signature.status == .valid)
        #expect(signature.certificate == .expired || signature.certificate == .issuerUntrusted || signature.certificate == .issuerUnknown)
        let until = try #require(signature.certificateValidUntil)
        #expect(until < ISO8601DateFormatter().string(from: Date()))
    }

    @Test func emptySignatureFieldIsNoSignature() throws {
        #expect(try signatures("empty-field.pdf").isEmpty)
    }

    @Test func unsignedPDFHasNoSignature() throws {
        let document = try Self.extractor.extractSynchronously(
            fileAt: SampleExpectation.samples.appendingPathComponent("born-digital-qd-1246.pdf"))
        #expect(document.digitalSignatures.isEmpty)
    }
}

/// A real signed file (samples/real): the signature pdfsig shows.
@Suite struct RealSignatureTests {
    @Test func realGazetteSignatureIsRead() throws {
        let url = SampleExpectation.samples.appendingPathComponent("real/c0df41cb33258cb9fd2b6b5549fb327c32466657.pdf")
        let found = try SignatureReading.signatures(ofPDFAt: url).signatures
        let signature = try #require(found.first)
        #expect(found.count == 1)
        #expect(signature.status == .valid)
        #expect(signature.signerName == "Trung tâm Công báo và Tin học")
        #expect(signature.organization == "Tỉnh Quảng Ngãi")
        #expect(signature.organizationalUnit == "Văn phòng Ủy ban Nhân dân")
        #expect(signature.hashAlgorithm == "SHA-1")
        #expect(signature.coversWholeDocument == true)
        // The printed stamp reads 04.04.2018 14:21:14 +07:00; the signed attribute says 14:21:15 labelled UTC.
        #expect(signature.signingTime == "2018-04-04T14:21:14+07:00")
        #expect(signature.certificate != .trusted)
        #expect(signature.page != nil)
    }
}
