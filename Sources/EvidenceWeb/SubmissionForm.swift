import EvidenceModel
import EvidenceVerification
import Foundation

/// The page's form (claims `c0`, `c1`, …, each with evidence rows `c0_e0`, … and extra files
/// `c0_more`) turned into a submission manifest. Only the shape is checked here; the manifest then
/// goes through the same loader as the CLI, with the same messages.
struct SubmissionForm {
    var received: UploadReceiver.Received
    var unit: Submission.Unit
    var framework: Framework

    enum Mode: String { case precheck, submit }

    var mode: Mode { Mode(rawValue: received.field("mode") ?? "") ?? .precheck }

    func manifest() throws -> Submission {
        let from = received.field("period_from") ?? "", to = received.field("period_to") ?? ""
        // The period becomes part of the id: only dates, so nothing else reaches a path or a message.
        for (value, field) in [(from, "period_from"), (to, "period_to")] where !Self.isDate(value) {
            throw WebError.invalid("Kỳ đánh giá phải là ngày dạng YYYY-MM-DD (\(field): expected a date YYYY-MM-DD).")
        }
        var claims: [Submission.Claim] = []
        let claimIndices = Set(received.fields.keys.compactMap(Self.claimIndex)
                               + received.files.compactMap { Self.claimIndex($0.field) }).sorted()
        for index in claimIndices {
            let prefix = "c\(index)_"
            let indicator = (received.field(prefix + "indicator") ?? "").trimmingCharacters(in: .whitespaces)
            let scoreText = (received.field(prefix + "score") ?? "").trimmingCharacters(in: .whitespaces)
            let files = received.files.filter { $0.field.hasPrefix(prefix) }
            if indicator.isEmpty && scoreText.isEmpty && files.isEmpty { continue }  // an unused block
            let label = "Chỉ tiêu \(index + 1)"
            guard !indicator.isEmpty else { throw WebError.invalid("\(label): thiếu mã chỉ tiêu (claims[\(index)].indicator: missing).") }
            guard framework.indicator(indicator) != nil else {
                throw WebError.invalid("\(label): không có chỉ tiêu '\(indicator)' trong \(framework.id) (unknown indicator).")
            }
            guard let score = Double(scoreText.replacingOccurrences(of: ",", with: ".")), score >= 0 else {
                throw WebError.invalid("\(label): điểm tự chấm phải là số không âm (claims[\(index)].score).")
            }
            var evidence: [Submission.Evidence] = []
            for file in files.sorted(by: { Self.order($0.field) < Self.order($1.field) }) {
                let row = file.field.hasSuffix("_file") ? String(file.field.dropLast("_file".count)) + "_" : nil
                func declared(_ name: String) -> String? {
                    guard let row, let value = received.field(row + name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                    return value
                }
                evidence.append(Submission.Evidence(file: file.name, number: declared("number"), date: declared("date"),
                                                    signer: declared("signer")))
            }
            claims.append(Submission.Claim(indicator: indicator, score: score, evidence: evidence))
        }
        guard !claims.isEmpty else { throw WebError.invalid("Hồ sơ chưa có chỉ tiêu nào (no claim filled in).") }
        let id = Self.id(unit: unit.code, framework: framework.id, from: from, to: to, precheck: mode == .precheck)
        if let problem = SubmissionIdentifier.problem(id) { throw WebError.invalid("Mã hồ sơ không hợp lệ (\(problem)).") }
        return Submission(submission: id,
                          unit: unit, framework: framework.id, period: .init(from: from, to: to), claims: claims,
                          precheck: mode == .precheck ? true : nil)
    }

    /// One submission per unit, framework and period; a pre-check has its own id beside it, so
    /// trying never replaces what was submitted.
    static func id(unit: String, framework: String, from: String, to: String, precheck: Bool) -> String {
        let period = from.prefix(4) == to.prefix(4) ? String(from.prefix(4)) : "\(from.prefix(4))-\(to.prefix(4))"
        return "\(slug(unit))-\(framework)-\(period)" + (precheck ? "-kiem-tra-thu" : "")
    }

    /// Whether an id is one this form makes for the unit.
    static func id(_ id: String, belongsTo unit: String) -> Bool { id.hasPrefix(slug(unit) + "-") }

    /// YYYY-MM-DD, a real day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    static func slug(_ unit: String) -> String {
        unit.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    static func claimIndex(_ field: String) -> Int? {
        guard field.hasPrefix("c"), let underscore = field.firstIndex(of: "_") else { return nil }
        return Int(field[field.index(after: field.startIndex)..<underscore]).flatMap { (0..<500).contains($0) ? $0 : nil }
    }

    /// Evidence rows in order (`c0_e0_file`, `c0_e1_file`, …), then the extra files.
    static func order(_ field: String) -> Int {
        guard let range = field.range(of: "_e"), let end = field[range.upperBound...].firstIndex(of: "_"),
              let row = Int(field[range.upperBound..<end]) else { return 1_000 }
        return row
    }
}
