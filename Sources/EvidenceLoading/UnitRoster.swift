package import EvidenceModel
package import Foundation

/// The secretariat's roster of units (`units.csv`): one row per unit with its code, name, level,
/// parent body and contact (an e-mail address or a telephone number). A first row of column names
/// (Vietnamese or English, in any order) is read as the header; without one the columns are taken
/// in that order. Every problem is collected and named by its line, and a roster with any problem
/// is refused whole: the caller imports all of it or nothing.
package enum UnitRoster {
    /// More rows than a province has units is a wrong file, not a roster.
    package static let maxRows = 5_000

    package static func read(_ data: Data) -> Result<[UnitRosterEntry], UnitRosterError> {
        let text: String
        switch Self.text(of: data) {
        case .success(let decoded): text = decoded
        case .failure(let error): return .failure(error)
        }
        var records = CSVRecords.parse(text)
        guard !records.isEmpty else { return .failure(UnitRosterError([UnitRosterProblem(line: 0, "tệp trống (the file has no rows)")])) }
        var columns = Column.allCases
        if let header = Column.header(records[0].fields) {
            columns = header
            records.removeFirst()
        }
        guard !records.isEmpty else { return .failure(UnitRosterError([UnitRosterProblem(line: 0, "tệp chỉ có dòng tiêu đề (only a header row)")])) }
        guard records.count <= maxRows else {
            return .failure(UnitRosterError([UnitRosterProblem(line: 0, "quá \(maxRows) dòng (more than \(maxRows) rows)")]))
        }
        var problems: [UnitRosterProblem] = []
        var entries: [UnitRosterEntry] = []
        var firstLine: [String: Int] = [:]
        for record in records {
            var values: [Column: String] = [:]
            for (column, value) in zip(columns, record.fields) where column != .ignored {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { values[column] = trimmed }
            }
            var rowProblems: [String] = []
            let code = values[.code]?.uppercased() ?? ""
            if code.isEmpty { rowProblems.append("thiếu mã đơn vị (no unit code)") }
            else if !validCode(code) {
                rowProblems.append("mã '\(code)' chỉ gồm chữ, số, '-', '_', '.' và tối đa 32 ký tự (code: ASCII letters, digits, - _ . up to 32)")
            } else if let earlier = firstLine[code] {
                rowProblems.append("mã '\(code)' trùng với dòng \(earlier) (duplicate code, first on line \(earlier))")
            } else {
                firstLine[code] = record.line
            }
            let name = values[.name] ?? ""
            if name.isEmpty { rowProblems.append("thiếu tên đơn vị (no unit name)") }
            if name.count > 200 || (values[.parent]?.count ?? 0) > 200 { rowProblems.append("tên quá 200 ký tự (a name over 200 characters)") }
            let level = values[.level].flatMap(Self.level)
            if level == nil {
                rowProblems.append("cấp '\(values[.level] ?? "")' không rõ: tỉnh, sở/ban/ngành, huyện, xã (unknown level: province, department, district, commune)")
            }
            if let contact = values[.contact], !validContact(contact) {
                rowProblems.append("liên hệ '\(contact)' không phải e-mail hay số điện thoại (contact is neither an e-mail nor a phone number)")
            }
            if let bad = values.values.first(where: hasControlCharacters) {
                rowProblems.append("ký tự điều khiển trong '\(bad.prefix(40))' (control characters)")
            }
            problems += rowProblems.map { UnitRosterProblem(line: record.line, $0) }
            guard rowProblems.isEmpty, let level else { continue }
            entries.append(UnitRosterEntry(line: record.line, unit: Submission.Unit(code: code, name: name, level: level),
                                           parentBody: values[.parent], contact: values[.contact]))
        }
        return problems.isEmpty ? .success(entries) : .failure(UnitRosterError(problems))
    }

    /// A level as the roster writes it: the code (`district`) or the Vietnamese word, with or
    /// without 'cấp' (cấp huyện, Huyện, quận, thị xã, xã, phường, thị trấn, sở, ban, ngành, tỉnh).
    package static func level(_ text: String) -> Submission.Level? {
        if let level = Submission.Level(rawValue: text.lowercased()) { return level }
        var key = text.folded
        if key.hasPrefix("CAP ") { key.removeFirst(4) }
        switch key {
        case "TINH", "THANH PHO TRUC THUOC TRUNG UONG": return .province
        case "SO", "BAN", "NGANH", "SO, BAN, NGANH", "SO BAN NGANH", "SO/BAN/NGANH", "SO, NGANH", "SO NGANH": return .department
        case "HUYEN", "QUAN", "THI XA", "THANH PHO THUOC TINH": return .district
        case "XA", "PHUONG", "THI TRAN", "XA, PHUONG, THI TRAN": return .commune
        default: return nil
        }
    }

    static func validCode(_ code: String) -> Bool {
        (1...32).contains(code.count) && code.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        } && code.unicodeScalars.first.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } == true
    }

    static func validContact(_ contact: String) -> Bool {
        if contact.contains("@") {
            let parts = contact.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !contact.contains(where: \.isWhitespace)
        }
        let digits = contact.filter(\.isASCII).filter(\.isNumber).count
        return (8...15).contains(digits) && contact.allSatisfy { $0.isASCII && ($0.isNumber || " +.-()".contains($0)) }
    }

    private static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    enum Column: CaseIterable {
        case code, name, level, parent, contact, ignored

        /// The columns a header row names, or nil when the row is data (it names no code column).
        static func header(_ fields: [String]) -> [Column]? {
            let columns = fields.map { field -> Column in
                let key = field.folded.replacingOccurrences(of: "_", with: " ")
                switch key {
                case "CODE", "UNIT CODE", "MA", "MA DON VI", "MA DV", "MA CO QUAN": return .code
                case "NAME", "UNIT NAME", "TEN", "TEN DON VI", "TEN CO QUAN", "DON VI", "CO QUAN": return .name
                case "LEVEL", "CAP", "CAP HANH CHINH", "CAP DON VI", "LOAI": return .level
                case "PARENT", "PARENT BODY", "CAP TREN", "DON VI CAP TREN", "CO QUAN CAP TREN", "CO QUAN CHU QUAN", "TRUC THUOC":
                    return .parent
                case "CONTACT", "EMAIL", "E-MAIL", "PHONE", "LIEN HE", "DIEN THOAI", "SO DIEN THOAI", "EMAIL/DIEN THOAI",
                     "EMAIL HOAC DIEN THOAI", "THU DIEN TU":
                    return .contact
                default: return .ignored
                }
            }
            return columns.contains(.code) ? columns : nil
        }
    }
}
