import EvidenceModel
import Foundation

/// The readable form of an extract report, for a person at a terminal.
enum ExtractSummary {
    static func text(_ report: ExtractReport) -> String {
        switch report.outcome {
        case .failure(let failure):
            return "\(report.file): error \(failure.code.rawValue): \(failure.message)"
        case .success(let document):
            var lines = ["\(report.file): \(document.format.rawValue), \(document.pages) page\(document.pages == 1 ? "" : "s"), sha256 \(document.sha256.prefix(16))…"]
            for page in document.perPage {
                let confidence = page.confidence.map { String(format: " confidence %.2f", $0) } ?? ""
                let preview = page.text.split(whereSeparator: \.isNewline).prefix(3).joined(separator: " | ")
                lines.append("  page \(page.page): \(page.source.rawValue)\(confidence), \(page.text.count) characters: \(preview.prefix(100))")
            }
            if let signature = document.digitalSignature {
                lines.append("  digital signature: \(signature.signedBy)\(signature.time.map { " at \($0)" } ?? "")")
            }
            for signature in document.digitalSignatures {
                let who = [signature.signerName, signature.organization].compactMap { $0 }.joined(separator: ", ")
                let scope = signature.coversWholeDocument == false
                    ? (signature.modifiedAfterSigning == true ? ", pages changed after signing" : ", later revisions")
                    : ""
                lines.append("  signed by \(who)\(signature.signingTime.map { " at \($0)" } ?? ""): \(signature.status.rawValue), certificate \(signature.certificate.rawValue)\(scope)")
            }
            if let fields = report.fields {
                let parts: [(String, String?)] = [
                    ("type", fields.type), ("number", fields.number), ("issuer", fields.issuer),
                    ("place", fields.place), ("date", fields.date), ("title", fields.title),
                    ("signer", fields.signer.map { [$0.authority, $0.title, $0.name].compactMap { $0 }.joined(separator: " ") }),
                ]
                for case let (name, value?) in parts { lines.append("  \(name): \(value)") }
                if fields.draft { lines.append("  draft or unsigned") }
            }
            for warning in document.warnings { lines.append("  warning: \(warning)") }
            return lines.joined(separator: "\n")
        }
    }
}
