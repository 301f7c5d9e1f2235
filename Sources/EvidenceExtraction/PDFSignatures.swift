import EvidenceModel
import Foundation

/// A PDF's cryptographic signatures: poppler validates each (integrity and certificate), and the
/// file's bytes give what poppler-glib 22.x does not expose (the certificate's organisation, the
/// digest, the signed byte ranges, the signer's time offset, what later revisions changed).
enum PDFSignatures {
    static func read(document: PDFDocument, url: URL, caDirectory: String?) -> (signatures: [PDFSignature], warnings: [String]) {
        let fields = PDFSignatureField.all(of: document)
        guard !fields.isEmpty else { return ([], []) }
        var warnings: [String] = []
        if case .failed(let reason) = SignatureTrust.prepare(caDirectory: caDirectory) {
            warnings.append("Trusted certificate authorities not loaded: \(reason)")
        }
        let bytes = try? PDFBytes(contentsOf: url)
        var revisions = bytes.map(SignedRevision.all) ?? []
        let widgets = placements(of: document)
        var changes: RevisionChanges?
        var signatures: [PDFSignature] = []
        for field in fields {
            guard let validation = field.validate() else { continue }
            let signer = validation.signerName
            let time = validation.signingTime
            // The dictionary of this field: same signer and signing time, else the next in signing order.
            let index = revisions.firstIndex { revision in
                let cms = CMSSignerInfo(der: revision.contents)
                return cms?.commonName == signer && (time == nil || cms?.signingTime.flatMap(Self.seconds) == time
                                                      || revision.modified.flatMap(Self.seconds) == time)
            } ?? (revisions.isEmpty ? nil : 0)
            let revision = index.map { revisions.remove(at: $0) }
            let cms = revision.flatMap { CMSSignerInfo(der: $0.contents) }
            var signature = PDFSignature(field: field.name, signerName: signer ?? cms?.commonName,
                                         status: validation.status, certificate: validation.certificate)
            signature.organization = cms?.organization
            signature.organizationalUnit = cms?.organizationalUnit
            signature.issuer = cms?.issuerCommonName
            signature.hashAlgorithm = cms?.hashAlgorithm
            signature.certificateValidFrom = cms?.validFrom
            signature.certificateValidUntil = cms?.validUntil
            signature.signingTime = Self.signingTime(cms: cms?.signingTime, dictionary: revision?.modified, poppler: time)
            if let placement = widgets[field.id] { signature.page = placement.page; signature.box = placement.box }
            if let revision, let bytes {
                let whole = revision.end >= bytes.count
                signature.coversWholeDocument = whole
                if whole {
                    signature.modifiedAfterSigning = false
                } else {
                    if changes == nil { changes = RevisionChanges(bytes: bytes) }
                    signature.modifiedAfterSigning = changes?.pageContentChanged(after: revision.end)
                }
            }
            signatures.append(signature)
        }
        // Signing order: the earliest-ending signed range first.
        return (signatures, warnings)
    }

    /// Page (1-based) and box of every signature widget, by field id.
    private static func placements(of document: PDFDocument) -> [Int: (page: Int, box: Box?)] {
        var found: [Int: (Int, Box?)] = [:]
        for index in 0..<document.pageCount {
            guard let page = try? document.page(at: index) else { continue }
            for widget in page.signatureWidgets() where found[widget.id] == nil {
                found[widget.id] = (index + 1, widget.box)
            }
        }
        return found
    }

    /// The signed time, with the signer's offset from /M when /M names the same instant.
    static func signingTime(cms: String?, dictionary: String?, poppler: Int64?) -> String? {
        if let cms {
            // /M gives the signer's offset. Some signing tools write local time into the signed
            // attribute labelled UTC: the same wall clock as /M means /M is the right instant.
            if let dictionary, seconds(dictionary) == seconds(cms) || dictionary.prefix(19) == cms.prefix(19) {
                return dictionary
            }
            return cms
        }
        if let dictionary { return dictionary }
        guard let poppler else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(poppler)))
    }

    static func seconds(_ iso: String) -> Int64? {
        ISO8601DateFormatter().date(from: iso).map { Int64($0.timeIntervalSince1970) }
    }
}

/// Reading only the signatures of a PDF, for benchmarks and tools: the same work extraction does.
public enum SignatureReading {
    public static func signatures(ofPDFAt url: URL, caDirectory: String? = nil) throws(ExtractionFailure) -> (signatures: [PDFSignature], warnings: [String]) {
        let document = try PDFDocument(fileAt: url)
        return PDFSignatures.read(document: document, url: url, caDirectory: caDirectory)
    }
}
