package import EvidenceModel
package import Foundation
/// A PDF's cryptographic signatures: poppler validates each (integrity and certificate), and the
/// file's bytes give what poppler-glib 22.x does not expose (the certificate's organisation, the
/// digest, the signed byte ranges, the signer's time offset, what later revisions changed).
enum PDFSignatures {
    /// Files up to this size are validated from a memory mapping (see `PDFDocument(mappedFileAt:)`);
    /// larger ones through the descriptor, so a huge scan never becomes resident at once.
    static let mappedLimit = 64 << 20

    static func read(document opened: PDFDocument, url: URL, caDirectory: String?) -> (signatures: [PDFSignature], warnings: [String]) {
        guard opened.hasSignatures else { return ([], []) }
        let bytes = try? PDFBytes(contentsOf: url)
        let document = (bytes?.count ?? .max) <= mappedLimit ? (PDFDocument(mappedFileAt: url) ?? opened) : opened
        let fields = PDFSignatureField.all(of: document)
        guard !fields.isEmpty else { return ([], []) }
        var warnings: [String] = []
        if case .failed(let reason) = SignatureTrust.prepare(caDirectory: caDirectory) {
            warnings.append("Trusted certificate authorities not loaded: \(reason)")
        }
        var revisions = bytes.map(SignedRevision.all) ?? []
        let widgets = placements(of: document)
        var changes: RevisionChanges?
        var signatures: [PDFSignature] = []
        for field in fields {
            guard let validation = field.validate() else {
                // Poppler could not check it at all: listed, so a reviewer looks, never dropped.
                var unchecked = PDFSignature(field: field.name, status: .unsupported, certificate: .notVerified)
                if let placement = widgets[field.id] { unchecked.page = placement.page; unchecked.box = placement.box }
                signatures.append(unchecked)
                continue
            }
            guard !validation.isEmpty else { continue }
            let signer = validation.signerName
            let time = validation.signingTime
            // The dictionary of this field: same signer and signing time, else the next in signing order.
            let index = revisions.firstIndex { revision in
                let cms = CMSSignerInfo(der: revision.contents)
                return cms?.commonName == signer && (time == nil || cms?.signingTime.flatMap(Self.seconds) == time
                                                      || revision.modified.flatMap(Self.seconds) == time)
            } ?? (revisions.isEmpty || signer == nil ? nil : 0)
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
            // Both are written by the signing tool a moment apart: seconds may differ.
            func close(_ a: Int64?, _ b: Int64?) -> Bool {
                guard let a, let b else { return false }
                return abs(a - b) <= 120
            }
            if let dictionary, close(seconds(dictionary), seconds(cms))
                || close(seconds(dictionary.prefix(19) + "Z"), seconds(cms.prefix(19) + "Z")) {
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

    /// Seconds since 1970 of 'YYYY-MM-DDTHH:MM:SS' followed by 'Z' or '±HH:MM' (the forms written here).
    static func seconds(_ iso: String) -> Int64? {
        let utf8 = Array(iso.utf8)
        guard utf8.count >= 20 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in utf8[from..<from + length] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var offset = 0
        if utf8[19] == UInt8(ascii: "+") || utf8[19] == UInt8(ascii: "-") {
            guard utf8.count >= 25, let hours = number(20, 2), let minutes = number(23, 2) else { return nil }
            offset = (hours * 3600 + minutes * 60) * (utf8[19] == UInt8(ascii: "-") ? -1 : 1)
        } else if utf8[19] != UInt8(ascii: "Z") {
            return nil
        }
        // Days from the civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        return Int64(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }
}

/// Reading only the signatures of a PDF, for benchmarks and tools: the same work extraction does.
package enum SignatureReading {
    package static func signatures(ofPDFAt url: URL, caDirectory: String? = nil) throws(ExtractionFailure) -> (signatures: [PDFSignature], warnings: [String]) {
        let document = try PDFDocument(fileAt: url)
        return PDFSignatures.read(document: document, url: url, caDirectory: caDirectory)
    }
}
