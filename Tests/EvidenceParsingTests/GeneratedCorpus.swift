import Foundation
import EvidenceModel
import EvidenceTesting

/// Documents written in code: every type, with and without diacritics, merged or separate header
/// columns, and the traps of real files (split numbers, blank dates, stamps, signature blocks that
/// are not last, drafts, minutes).
enum GeneratedCorpus {
    struct Issuer {
        var parent: String?
        var lines: [String]
        var place: String
        var symbol: String
        /// Signature blocks: lines above the title, the title, the authority.
        var blocks: [([String], String, String?)]
        var name: String { lines.joined(separator: " ") }
    }

    static let issuers: [Issuer] = [
        .init(parent: nil, lines: ["ỦY BAN NHÂN DÂN", "HUYỆN TRÀ BỒNG"], place: "Trà Bồng", symbol: "UBND",
              blocks: [(["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH", "TM"), (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "KT")]),
        .init(parent: "UBND TỈNH HẢI DƯƠNG", lines: ["SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG"], place: "Hải Dương", symbol: "STTTT",
              blocks: [([], "GIÁM ĐỐC", nil), (["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC", "KT"), (["TL. GIÁM ĐỐC"], "CHÁNH VĂN PHÒNG", "TL")]),
        .init(parent: nil, lines: ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], place: "Hà Nội", symbol: "UBND",
              blocks: [(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "KT"), (["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH", "TM")]),
        .init(parent: "UBND HUYỆN THỌ XUÂN", lines: ["HỘI ĐỒNG CHUYỂN ĐỔI SỐ"], place: "Thọ Xuân", symbol: "HĐCĐS",
              blocks: [(["TM. HỘI ĐỒNG"], "CHỦ TỊCH", "TM")]),
        .init(parent: nil, lines: ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"], place: "Quảng Ngãi", symbol: "UBND",
              blocks: [(["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "KT"), (["TUQ. CHỦ TỊCH"], "CHÁNH VĂN PHÒNG", "TUQ")]),
        .init(parent: nil, lines: ["ỦY BAN NHÂN DÂN", "XÃ BÌNH MINH"], place: "Bình Minh", symbol: "UBND",
              blocks: [(["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH", "TM")]),
        .init(parent: "UBND TỈNH THANH HÓA", lines: ["SỞ NỘI VỤ"], place: "Thanh Hóa", symbol: "SNV",
              blocks: [([], "Q. GIÁM ĐỐC", "Q"), ([], "GIÁM ĐỐC", nil)]),
        .init(parent: "UBND TỈNH NGHỆ AN", lines: ["VĂN PHÒNG"], place: "Nghệ An", symbol: "VP",
              blocks: [([], "CHÁNH VĂN PHÒNG", nil), (["KT. CHÁNH VĂN PHÒNG"], "PHÓ CHÁNH VĂN PHÒNG", "KT")]),
        .init(parent: nil, lines: ["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"], place: "Hà Nội", symbol: "BTTTT",
              blocks: [(["KT. BỘ TRƯỞNG"], "THỨ TRƯỞNG", "KT")]),
        .init(parent: "UBND QUẬN HOÀN KIẾM", lines: ["PHÒNG VĂN HÓA VÀ THÔNG TIN"], place: "Hoàn Kiếm", symbol: "VHTT",
              blocks: [([], "TRƯỞNG PHÒNG", nil), (["KT. TRƯỞNG PHÒNG"], "PHÓ TRƯỞNG PHÒNG", "KT")]),
    ]

    static let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường", "Phạm Quốc Dũng", "Hoàng Thị Hương",
                        "Võ Thanh Tùng", "Đặng Văn Hùng", "Bùi Thị Thu Trang", "Đỗ Xuân Thắng", "Ngô Đức Long",
                        "Huỳnh Ngọc Lan", "Dương Công Vinh"]

    struct Kind {
        var code: String
        var name: String
        var title: [String]
    }

    static let kinds: [Kind] = [
        .init(code: "KH", name: "KẾ HOẠCH", title: ["Triển khai xác định chỉ số chuyển đổi số", "của các cơ quan nhà nước năm 2024"]),
        .init(code: "QĐ", name: "QUYẾT ĐỊNH", title: ["Về việc thành lập Hội đồng thẩm định chỉ số", "chuyển đổi số cấp xã năm 2024"]),
        .init(code: "TB", name: "THÔNG BÁO", title: ["Kết luận của lãnh đạo tại cuộc họp về chuyển đổi số"]),
        .init(code: "BC", name: "BÁO CÁO", title: ["Kết quả thực hiện chuyển đổi số năm 2023"]),
        .init(code: "TTr", name: "TỜ TRÌNH", title: ["Đề nghị phê duyệt Đề án chuyển đổi số giai đoạn 2024 - 2025"]),
        .init(code: "HD", name: "HƯỚNG DẪN", title: ["Tự đánh giá, chấm điểm chỉ số chuyển đổi số năm 2024"]),
        .init(code: "CTr", name: "CHƯƠNG TRÌNH", title: ["Chuyển đổi số tỉnh đến năm 2025, định hướng đến năm 2030"]),
        .init(code: "GM", name: "GIẤY MỜI", title: ["Dự hội nghị triển khai chỉ số DTI năm 2024"]),
        .init(code: "NQ", name: "NGHỊ QUYẾT", title: ["Về chuyển đổi số đến năm 2025"]),
        .init(code: "QC", name: "QUY CHẾ", title: ["Hoạt động của Tổ công tác chuyển đổi số"]),
        .init(code: "PA", name: "PHƯƠNG ÁN", title: ["Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"]),
        .init(code: "ĐA", name: "ĐỀ ÁN", title: ["Xây dựng chính quyền số giai đoạn 2024 - 2025"]),
        .init(code: "CV", name: "", title: ["triển khai đánh giá chỉ số DTI năm 2024"]),
        .init(code: "BB", name: "BIÊN BẢN", title: ["Họp Hội đồng thẩm định chỉ số chuyển đổi số"]),
    ]

    static let citations: [(text: String, number: String, date: String?)] = [
        ("Quyết định số 922/QĐ-BTTTT ngày 20 tháng 5 năm 2022 của Bộ Thông tin và Truyền thông", "922/QĐ-BTTTT", "2022-05-20"),
        ("Quyết định số 625/QĐ-UBND ngày 17/9/2024 của UBND tỉnh", "625/QĐ-UBND", "2024-09-17"),
        ("Công văn số 2325/STTTT-CNTT ngày 11/10/2024 của Sở Thông tin và Truyền thông", "2325/STTTT-CNTT", "2024-10-11"),
        ("Kế hoạch số 370/KH-HĐCĐS ngày 05/3/2024 của Hội đồng chuyển đổi số", "370/KH-HĐCĐS", "2024-03-05"),
        ("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư", "30/2020/NĐ-CP", "2020-03-05"),
        ("Chỉ thị số 14/CT-TTg của Thủ tướng Chính phủ", "14/CT-TTg", nil),
    ]

    enum Style: CaseIterable { case clean, merged, noMarks, vieNoise }

    struct Options {
        var style: Style
        var splitNumber = false
        var blankDate = false
        var handwrittenNumber = false
        var draft = false
        var incomingStamp = false
        var digitalStamp = false
        var trailingPage: Int = 0   // 0 none, 1 blank, 2 attached draft, 3 delivery receipt
        var withBoxes = false
        /// Stray marks at line ends, long recipient lists the name merges with, zero-padded dates,
        /// a page break before the signature.
        var strayMarks = false
        var longRecipients = false
        var zeroPadded = false
        var pageBreakBeforeSignature = false
    }

    struct Rendered {
        var pages: [PageText]
        var expected: ExpectedFields
    }

    typealias Random = SeededGenerator

    static func documents(count: Int = 240) -> [CorpusDocument] {
        var random = Random(seed: 2024)
        var documents = [CorpusDocument]()
        for index in 0..<count {
            var options = Options(style: Style.allCases[index % 4])
            options.splitNumber = random.chance(20)
            options.blankDate = random.chance(8)
            options.handwrittenNumber = !options.splitNumber && random.chance(6)
            options.draft = random.chance(8)
            options.incomingStamp = random.chance(12)
            options.digitalStamp = random.chance(12)
            options.trailingPage = random.chance(25) ? 1 + random.int(3) : 0
            options.withBoxes = options.style == .clean && random.chance(50)
            options.strayMarks = options.style != .clean && random.chance(40)
            options.longRecipients = random.chance(40)
            options.zeroPadded = random.chance(30)
            options.pageBreakBeforeSignature = !options.withBoxes && random.chance(25)
            let rendered = render(index: index, options: options, random: &random)
            documents.append(.init(name: "generated-\(index)-\(options.style)", pages: rendered.pages, expected: rendered.expected))
        }
        return documents
    }

    // MARK: Rendering

    static func render(index: Int, options: Options, random: inout Random) -> Rendered {
        let issuer = issuers[random.int(issuers.count)]
        let kind = kinds[index % kinds.count]
        let (blockLines, signerTitle, authority) = issuer.blocks[random.int(issuer.blocks.count)]
        let signerName = names[random.int(names.count)]
        let digits = String(10 + random.int(980))
        let symbol = kind.code == "CV" ? "\(issuer.symbol)-VP" : "\(kind.code)-\(issuer.symbol)"
        let number = "\(digits)/\(symbol)"
        let (day, month, year) = (1 + random.int(28), 1 + random.int(12), 2021 + random.int(4))
        var cited = [(text: String, number: String, date: String?)]()
        for citation in citations where random.chance(35) && !citation.number.hasPrefix(digits + "/") { cited.append(citation) }

        var values: [String: ExpectedFields.Value] = [:]
        let isCV = kind.code == "CV", isBB = kind.code == "BB"
        values["type"] = .text(kind.code)
        values["typeName"] = .text(isCV ? "Công văn" : kindName(kind.code))
        values["number"] = options.handwrittenNumber ? .null : .text(number)
        values["issuer"] = .text(issuer.name.replacingOccurrences(of: "VÀ TRUYỀN", with: "VÀ TRUYỀN"))
        values["parent"] = issuer.parent.map { .text($0) } ?? .null
        values["place"] = .text(issuer.place)
        values["date"] = options.blankDate ? .null : .text(String(format: "%04d-%02d-%02d", year, month, day))
        values["title"] = .text(kind.title.joined(separator: " "))
        values["draft"] = .flag(options.draft)
        values["references"] = .references(cited.map { ExpectedFields.referenceKey($0.number, $0.date) })
        if isBB {
            values["signer.name"] = .text(signerName)
            values["signer.title"] = .text("CHỦ TRÌ")
            values["signer.authority"] = .null
        } else {
            values["signer.name"] = .text(signerName)
            values["signer.title"] = .text(signerTitle.hasPrefix("Q. ") ? String(signerTitle.dropFirst(3)) : signerTitle)
            values["signer.authority"] = authority.map { .text($0) } ?? .null
        }

        // Left column of the header.
        var left = [String]()
        if let parent = issuer.parent { left.append(parent) }
        left += issuer.lines
        var numberText = options.handwrittenNumber ? "Số: 1g\(digits.dropFirst())/\(symbol)" : "Số: \(number)"
        if options.splitNumber { numberText = "Số: \(digits)" }
        if options.style == .merged && !options.splitNumber && !options.handwrittenNumber && random.chance(50) {
            numberText = random.chance(50) ? "Số:\(digits) /\(symbol)" : "Số: \(digits). /\(symbol)"
        }
        let numberRow = left.count
        left.append(numberText)
        if isCV { left.append("V/v \(kind.title[0])") }
        let pad = { (value: Int) in options.zeroPadded && value < 10 ? "0\(value)" : "\(value)" }
        let dayText = options.blankDate ? "     " : pad(day)
        let dateLine = "\(issuer.place), ngày \(dayText) tháng \(pad(month)) năm \(year)"
        var right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]

        var lines = [String]()
        if options.draft { lines.append("DỰ THẢO") }
        if options.incomingStamp { lines += ["CÔNG VĂN ĐẾN", "Số: \(2000 + random.int(900))", "Ngày: 03/01/\(year + 1)"] }
        if options.digitalStamp { lines += ["Ký bởi: \(issuer.name)", "Thời gian ký: 28.10.\(year + 1) 08:15:02 +07:00"] }
        var boxed = [TextLine]()
        if options.style == .merged || options.style == .noMarks || options.style == .vieNoise {
            while right.count < numberRow { right.append("") }
            right.insert(dateLine, at: max(numberRow, 2))
            for row in 0..<max(left.count, right.count) {
                let l = row < left.count ? left[row] : ""
                let r = row < right.count ? right[row] : ""
                lines.append([l, r].filter { !$0.isEmpty }.joined(separator: " "))
            }
            if options.splitNumber { lines.append("/\(symbol)") }
        } else {
            right.append(dateLine)
            lines += left
            lines += right
            if options.splitNumber { lines.append("/\(symbol)") }
            if options.withBoxes {
                // A text layer: right column first, the symbol of a hand-filled number far from its digits.
                var y = 0.05
                for line in right { boxed.append(.init(text: line, box: .init(x: 0.5, y: y, width: 0.42, height: 0.02))); y += 0.025 }
                y = 0.05
                for line in left {
                    boxed.append(.init(text: line, box: .init(x: 0.08, y: y, width: line.hasPrefix("Số") ? 0.12 : 0.34, height: 0.02)))
                    y += 0.025
                }
                if options.splitNumber {
                    boxed.append(.init(text: "/\(symbol)", box: .init(x: 0.25, y: 0.05 + 0.025 * Double(numberRow), width: 0.12, height: 0.02)))
                }
                let stampLines = lines.prefix(while: { !left.contains($0) && !right.contains($0) })
                boxed = stampLines.map { .init(text: $0, box: .init(x: 0.6, y: 0.01, width: 0.3, height: 0.01)) } + boxed
            }
        }
        lines.append("")
        if !isCV {
            lines.append(kind.name)
            lines += kind.title
            lines.append("")
        } else {
            lines += ["Kính gửi: Ủy ban nhân dân các xã, thị trấn", ""]
        }
        if kind.code == "QĐ" { lines += ["CHỦ TỊCH ỦY BAN NHÂN DÂN", ""] }
        lines.append("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
        for citation in cited { lines.append("Căn cứ \(citation.text);") }
        lines += [
            "Để triển khai có hiệu quả công tác chuyển đổi số năm \(year + 1), đề nghị các cơ quan, đơn vị",
            "thực hiện các nhiệm vụ sau đây theo đúng thời gian quy định trước ngày 30/11/\(year).",
            "1. Tổ chức tự đánh giá, chấm điểm và gửi kết quả về Phòng Văn hóa và Thông tin.",
            "2. Các đơn vị báo cáo kết quả trước ngày 15 tháng 12 năm \(year).",
            "",
        ]
        if options.pageBreakBeforeSignature { lines.append("\u{0C}") }

        var signature = [String]()
        if isBB {
            lines += ["Biên bản kết thúc lúc 11 giờ cùng ngày.", ""]
            let secretary = names[(names.firstIndex(of: signerName)! + 3) % names.count]
            if options.style == .clean {
                signature = ["THƯ KÝ", "CHỦ TRÌ", "", secretary, signerName]
            } else {
                signature = ["THƯ KÝ CHỦ TRÌ", "", "", "\(secretary) \(signerName)"]
            }
            lines += signature
        } else {
            var recipients = ["Nơi nhận:", "- Như trên;", "- Thường trực Huyện ủy;"]
            if options.longRecipients {
                recipients += ["- Chủ tịch, các Phó Chủ tịch UBND;", "- Sở Thông tin và Truyền thông;", "- Các phòng, ban chuyên môn;",
                               "- UBND các xã, thị trấn;", "- Cổng thông tin điện tử;"]
            }
            recipients.append("- Lưu: VT, VP.")
            let block = blockLines + [signerTitle, "", "(Đã ký)", "", signerName]
            if options.style == .clean {
                lines += recipients + block
            } else {
                for row in 0..<max(recipients.count, block.count) {
                    let l = row < recipients.count ? recipients[row] : ""
                    let r = row < block.count ? block[row] : ""
                    lines.append([l, r].filter { !$0.isEmpty }.joined(separator: " "))
                }
            }
        }
        if options.strayMarks {
            // The seeds' noise: quotes, bars and dots OCR finds in margins and stamps.
            let marks = ["’", ". >", "|", "o e", "—", "\\ el )"]
            for index in lines.indices where !lines[index].isEmpty && random.chance(15) {
                let line = lines[index]
                if line.hasPrefix("- ") || line.hasPrefix("Căn cứ") || line.hasPrefix("Để") {
                    lines[index] = line + " " + marks[random.int(marks.count)]
                }
            }
        }
        var pages = lines.joined(separator: "\n").components(separatedBy: "\n\u{0C}\n")
        switch options.trailingPage {
        case 1: pages.append("   \n")
        case 2:
            let other = names[(names.firstIndex(of: signerName)! + 5) % names.count]
            pages.append(["DỰ THẢO", "QUYẾT ĐỊNH", "Về việc phê duyệt danh sách", "", "Nơi nhận:", "- Lưu: VT.",
                          "GIÁM ĐỐC", "", other, "", "Căn cứ Quyết định số 999/QĐ-UBND ngày 01/01/2024;"].joined(separator: "\n"))
        case 3:
            pages.append(["PHIẾU GỬI", "Số: ......./PG", "Người nhận ký tên", "", "Ngày ... tháng ... năm ..."].joined(separator: "\n"))
        default: break
        }
        pages = pages.map { transform($0, style: options.style, random: &random) }
        if options.style != .clean { values["_merged"] = .null }
        var pageTexts = pages.enumerated().map { PageText(page: $0.offset + 1, source: options.style == .clean ? .text : .ocr, text: $0.element) }
        if options.withBoxes, !boxed.isEmpty {
            // Header lines carry boxes; the rest of page 1 follows as full-width lines.
            let headerCount = boxed.count
            let rest = pageTexts[0].text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(headerCount)
            var y = 0.3
            var all = boxed
            for line in rest {
                let text = String(line)
                let isRightColumn = signature.contains(text) || text.hasPrefix("TM.") || text.hasPrefix("KT.") || text.hasPrefix("TL.")
                    || text.hasPrefix("TUQ.") || text == signerTitle || text == signerName || text == "(Đã ký)"
                let isLeft = text.hasPrefix("Nơi nhận") || text.hasPrefix("- ")
                let box = isRightColumn ? Box(x: 0.55, y: y, width: 0.35, height: 0.02)
                    : isLeft ? Box(x: 0.08, y: y, width: 0.3, height: 0.02) : Box(x: 0.1, y: y, width: 0.8, height: 0.02)
                all.append(.init(text: text, box: box))
                y += 0.02
            }
            pageTexts[0].lines = all
            pageTexts[0].text = all.map(\.text).joined(separator: "\n")
        }
        values.removeValue(forKey: "_merged")
        return Rendered(pages: pageTexts, expected: ExpectedFields(values: values))
    }

    static func kindName(_ code: String) -> String {
        ["KH": "Kế hoạch", "QĐ": "Quyết định", "TB": "Thông báo", "BC": "Báo cáo", "TTr": "Tờ trình", "HD": "Hướng dẫn",
         "CTr": "Chương trình", "GM": "Giấy mời", "NQ": "Nghị quyết", "QC": "Quy chế", "PA": "Phương án",
         "ĐA": "Đề án", "BB": "Biên bản"][code] ?? code
    }

    // MARK: OCR damage

    static func transform(_ text: String, style: Style, random: inout Random) -> String {
        switch style {
        case .clean, .merged: return text
        case .noMarks: return englishModel(text, random: &random)
        case .vieNoise: return vietnameseModel(text, random: &random)
        }
    }

    /// What tesseract's English model makes of Vietnamese: marks gone, 'Đ' → 'P'/'D', 'Số' → 'S6', ...
    static func englishModel(_ text: String, random: inout Random) -> String {
        var text = text
        let soForms = ["S6:", "Sé:", "Sb:", "So:"]
        text = text.replacingOccurrences(of: "Số:", with: soForms[random.int(soForms.count)])
        text = text.replacingOccurrences(of: "Độc lập", with: random.chance(50) ? "Poc 1ap" : "Doc 1ap")
        text = text.replacingOccurrences(of: "năm", with: random.chance(50) ? "nim" : "ndm")
        if random.chance(50) { text = text.replacingOccurrences(of: "QĐ-", with: random.chance(50) ? "QD-" : "Qb-") }
        text = text.replacingOccurrences(of: "HĐCĐS", with: "HPCDS")
        if random.chance(50) { text = text.replacingOccurrences(of: "ĐỊNH", with: "PINH") }
        if random.chance(50) { text = text.replacingOccurrences(of: "ĐỒNG", with: "PONG") }
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "đ": out.append("d")
            case "Đ": out.append("D")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The Vietnamese model's slips: marks invented on capitals, '-' read ':' in a symbol, 'UỶ'.
    static func vietnameseModel(_ text: String, random: inout Random) -> String {
        var text = text
        if random.chance(60), let range = text.range(of: "ỦY BAN NHÂN DÂN") { text.replaceSubrange(range, with: "ỦY BẢN NHÂN DÂN") }
        if random.chance(60) { text = text.replacingOccurrences(of: "KẾ HOẠCH\n", with: "KẺ HOẠCH\n") }
        if random.chance(60) { text = text.replacingOccurrences(of: "TỈNH", with: "TÍNH") }
        if random.chance(50) { text = text.replacingOccurrences(of: "ỦY BAN", with: "UỶ BAN") }
        if random.chance(50), let range = text.range(of: #"Số: \d+/[A-ZĐa-z]+-"#, options: .regularExpression) {
            let found = String(text[range])
            text.replaceSubrange(range, with: String(found.dropLast()) + (random.chance(50) ? ":" : "."))
        }
        return text
    }
}
