package import EvidenceModel
import Foundation

/// The visible stamp a Vietnamese digital signature leaves in the text layer:
/// 'Ký bởi: Ủy ban nhân dân huyện Trà Bồng' / 'Cơ quan: Tỉnh Quảng Ngãi' / 'Thời gian ký: 28.10.2024 08:15:02 +07:00'.
/// On a scan it is often the only text layer, so it must neither count as the page's text nor be lost.
package enum SignatureStamp {
    /// The stamp's fields, and the text with the stamp's lines taken out.
    package static func split(_ text: String) -> (signature: DigitalSignature?, rest: String) {
        // No stamp without a signer: one table-driven pass settles it for most pages.
        let pageKey = FastFold.key(text)
        guard signerKeys.contains(where: { FastFold.key(pageKey, contains: $0) }) else { return (nil, text) }
        var signedBy: String?, organization: String?, time: String?
        var rest: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Every stamp line is 'Label: value' with a short label: the costly diacritic-insensitive
            // search only runs on such lines.
            guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 24 else {
                rest.append(line); continue
            }
            if let value = value(after: signerLabels, in: line) {
                signedBy = signedBy ?? value
            } else if let value = value(after: organizationLabels, in: line), signedBy != nil || mentionsStamp(text) {
                organization = organization ?? value
            } else if let value = value(after: timeLabels, in: line) {
                time = time ?? isoTime(value) ?? value
            } else if isStampLine(line) {
                continue
            } else {
                rest.append(line)
            }
        }
        guard let signedBy, !signedBy.isEmpty else { return (nil, text) }
        return (DigitalSignature(signedBy: signedBy, organization: organization, time: time),
                rest.joined(separator: "\n"))
    }

    private static let signerKeys = ["KY BOI", "NGUOI KY"]
    private static let signerLabels = ["Ký bởi", "Người ký"]
    private static let organizationLabels = ["Cơ quan"]
    private static let timeLabels = ["Thời gian ký", "Ngày ký"]

    private static func mentionsStamp(_ text: String) -> Bool { value(after: signerLabels, in: Substring(text)) != nil }

    /// Other lines stamps carry ('Email: ...', 'Chức vụ: ...').
    private static func isStampLine(_ line: Substring) -> Bool {
        value(after: ["Email"], in: line) != nil
    }

    /// The rest of the line after 'Label:' (case- and diacritic-insensitive), trimmed, NFC.
    private static func value(after labels: [String], in line: Substring) -> String? {
        for label in labels {
            guard let labelRange = line.range(of: label, options: [.caseInsensitive, .diacriticInsensitive]) else { continue }
            let afterLabel = line[labelRange.upperBound...].drop(while: { $0 == " " })
            guard afterLabel.first == ":" else { continue }
            let value = afterLabel.dropFirst().trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value.nfc
        }
        return nil
    }

    /// '28.10.2024 08:15:02 +07:00' (also '/', '-') → '2024-10-28T08:15:02+07:00'; Vietnam's offset when none is printed.
    static func isoTime(_ value: String) -> String? {
        let pattern = #/(\d{1,2})[./-](\d{1,2})[./-](\d{4})\D+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2}):?(\d{2}))?/#
        guard let m = value.firstMatch(of: pattern),
              let day = Int(m.1), let month = Int(m.2), let year = Int(m.3),
              let hour = Int(m.4), let minute = Int(m.5),
              (1...31).contains(day), (1...12).contains(month), hour < 24, minute < 60 else { return nil }
        let second = m.6.flatMap { Int($0) } ?? 0
        let offset = m.7.map { "\($0)\(m.8 ?? "00"):\(m.9 ?? "00")" } ?? "+07:00"
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second) + offset
    }
}
