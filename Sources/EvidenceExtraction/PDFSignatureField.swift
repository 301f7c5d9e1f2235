import CPoppler
import EvidenceModel
import Foundation

/// One signature form field of an open `PDFDocument` (a PopplerFormField reference).
final class PDFSignatureField {
    private let handle: OpaquePointer

    private init(handle: OpaquePointer) { self.handle = handle }
    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The document's signature fields, in the AcroForm's order.
    static func all(of document: PDFDocument) -> [PDFSignatureField] {
        guard poppler_document_get_n_signatures(document.handle) > 0,
              let list = poppler_document_get_signature_fields(document.handle) else { return [] }
        // The list owns one reference per field: each wrapper takes it over; only the list is freed.
        defer { g_list_free(list) }
        var fields: [PDFSignatureField] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data { fields.append(PDFSignatureField(handle: OpaquePointer(data))) }
            node = current.pointee.next
        }
        return fields
    }

    var id: Int { Int(poppler_form_field_get_id(handle)) }

    var name: String? {
        guard let raw = poppler_form_field_get_partial_name(handle) else { return nil }
        defer { g_free(raw) }
        let name = String(cString: raw)
        return name.isEmpty ? nil : name.nfc
    }

    /// Checks the signed bytes and the certificate, offline: no OCSP, no certificate fetching, so a
    /// file is judged the same way every time and no network is touched.
    func validate() -> PDFSignatureValidation? {
        var error: UnsafeMutablePointer<GError>?
        let flags = PopplerSignatureValidationFlags(rawValue: POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE.rawValue
            | POPPLER_SIGNATURE_VALIDATION_FLAG_WITHOUT_OCSP_REVOCATION_CHECK.rawValue)
        let references = referenceCount
        let info = poppler_form_field_signature_validate_sync(handle, flags, nil, &error)
        if error != nil { g_error_free(error) }
        // The validation runs in a GLib pool thread whose task holds this field (and through it the
        // document) a moment after the result is back. Were that the last reference, the document
        // would be finalised on that thread while this one goes on with poppler (which is not
        // thread-safe): a crash. So wait until the task has let go (microseconds; bounded).
        var waited = 0
        while referenceCount > references, waited < 200_000 { usleep(10); waited += 1 }
        return info.map(PDFSignatureValidation.init)
    }

    private var referenceCount: UInt32 {
        UnsafeMutableRawPointer(handle).assumingMemoryBound(to: GObject.self).pointee.ref_count
    }
}

/// Poppler's verdict on one signature (a PopplerSignatureInfo).
final class PDFSignatureValidation {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { poppler_signature_info_free(handle) }

    /// An empty signature field (a place left for a signature): poppler reports it not verified,
    /// with no signer (a signed field always verifies to some status, or fails to decode).
    var isEmpty: Bool {
        let status = poppler_signature_info_get_signature_status(handle)
        return (status == POPPLER_SIGNATURE_NOT_FOUND || status == POPPLER_SIGNATURE_NOT_VERIFIED) && signerName == nil
    }

    var status: PDFSignature.Status {
        switch poppler_signature_info_get_signature_status(handle) {
        case POPPLER_SIGNATURE_VALID: .valid
        case POPPLER_SIGNATURE_DIGEST_MISMATCH: .digestMismatch
        case POPPLER_SIGNATURE_INVALID: .invalid
        case POPPLER_SIGNATURE_DECODING_ERROR: .decodingError
        case POPPLER_SIGNATURE_NOT_VERIFIED: .notVerified
        default: .unsupported
        }
    }

    var certificate: PDFSignature.CertificateStatus {
        switch poppler_signature_info_get_certificate_status(handle) {
        case POPPLER_CERTIFICATE_TRUSTED: .trusted
        case POPPLER_CERTIFICATE_UNKNOWN_ISSUER: .issuerUnknown
        case POPPLER_CERTIFICATE_UNTRUSTED_ISSUER: .issuerUntrusted
        case POPPLER_CERTIFICATE_REVOKED: .revoked
        case POPPLER_CERTIFICATE_EXPIRED: .expired
        case POPPLER_CERTIFICATE_NOT_VERIFIED: .notVerified
        default: .error
        }
    }

    /// The certificate's common name.
    var signerName: String? {
        guard let raw = poppler_signature_info_get_signer_name(handle) else { return nil }
        let name = String(cString: raw)
        return name.isEmpty ? nil : name.nfc
    }

    /// Seconds since 1970 of the signing time poppler read; nil when it read none.
    var signingTime: Int64? {
        // Owned by the info (transfer none): not freed here.
        guard let time = poppler_signature_info_get_local_signing_time(handle) else { return nil }
        let seconds = Int64(g_date_time_to_unix(time))
        return seconds > 0 ? seconds : nil
    }
}

extension PDFPage {
    /// Signature widgets on this page: field id and box (fractions of the page, origin top left).
    func signatureWidgets() -> [(id: Int, box: Box?)] {
        guard let list = poppler_page_get_form_field_mapping(handle) else { return [] }
        defer { poppler_page_free_form_field_mapping(list) }
        let (width, height) = size
        var widgets: [(Int, Box?)] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            node = current.pointee.next
            guard let data = current.pointee.data else { continue }
            let mapping = data.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee
            guard let field = mapping.field,
                  poppler_form_field_get_field_type(field) == POPPLER_FORM_FIELD_SIGNATURE else { continue }
            let area = mapping.area
            let x1 = min(area.x1, area.x2), x2 = max(area.x1, area.x2)
            let y1 = min(area.y1, area.y2), y2 = max(area.y1, area.y2)
            // An invisible signature has an empty rectangle: no box.
            var box: Box?
            if width > 0, height > 0, x2 - x1 > 0.5, y2 - y1 > 0.5 {
                // Poppler gives PDF user space, origin bottom left.
                box = Box(x: max(0, x1 / width), y: max(0, (height - y2) / height),
                          width: min(1, (x2 - x1) / width), height: min(1, (y2 - y1) / height))
            }
            widgets.append((Int(poppler_form_field_get_id(field)), box))
        }
        return widgets
    }
}
