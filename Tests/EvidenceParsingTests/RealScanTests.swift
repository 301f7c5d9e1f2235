import Testing
import EvidenceModel
@testable import EvidenceParsing

/// The ways real scans differ from generated ones (issue 10), on laid-out fixtures shaped like
/// tesseract's output for the labelled real documents: word boxes, word confidences, glyph heights.
@Suite struct RealScanTests {
    let parser = DocumentParser()

    /// One OCR word: text, left edge, confidence, and height (printed digits are 0.011 of the page).
    struct W {
        var text: String
        var x: Double
        var confidence: Double = 0.96
        var height: Double = 0.011
        /// The box's width when OCR drew it wider than the word (it took in hand figures touching it).
        var width: Double?
        init(_ text: String, _ x: Double, _ confidence: Double = 0.96, h height: Double = 0.011, w width: Double? = nil) {
            self.text = text; self.x = x; self.confidence = confidence; self.height = height; self.width = width
        }
    }

    /// A line of OCR words at `y`, each word 0.011 of the page wide per character.
    static func ocr(_ words: [W], y: Double) -> TextLine {
        let boxed = words.map { word in
            TextLine.Word(text: word.text, box: Box(x: word.x, y: y, width: word.width ?? 0.011 * Double(word.text.count), height: word.height),
                          confidence: word.confidence)
        }
        let box = Box.union(boxed.map(\.box)) ?? Box(x: 0, y: y, width: 0, height: 0)
        return TextLine(text: words.map(\.text).joined(separator: " "), box: box, words: boxed)
    }

    /// A text line split into words at spaces, laid out from `x` (for lines whose words do not matter).
    static func plain(_ text: String, x: Double, y: Double, confidence: Double = 0.96) -> TextLine {
        var position = x
        var words = [W]()
        for word in text.split(separator: " ") {
            words.append(W(String(word), position, confidence, h: 0.013))
            position += 0.011 * Double(word.count) + 0.01
        }
        return ocr(words, y: y)
    }

    static func page(_ number: Int, _ lines: [TextLine], source: PageSource = .ocr) -> PageText {
        PageText(page: number, source: source, confidence: source == .ocr ? 0.93 : nil,
                 text: lines.map(\.text).joined(separator: "\n"), lines: lines)
    }

    /// The header of 1eef26c429 (Tờ trình 24/TTr-UBND of 07/02/2025), with the number line given.
    static func header(numberLine: TextLine) -> [TextLine] {
        [
            ocr([W("ỦY", 0.18), W("BAN", 0.22), W("NHÂN", 0.27), W("DÂN", 0.33), W("CỘNG", 0.5), W("HÒA", 0.56), W("XÃ", 0.61),
                 W("HỘI", 0.64), W("CHỦ", 0.69), W("NGHĨA", 0.74), W("VIỆT", 0.81), W("NAM", 0.86)], y: 0.09),
            ocr([W("TỈNH", 0.18), W("QUẢNG", 0.23), W("NGÃI", 0.3), W("Độc", 0.55), W("lập", 0.6), W("-", 0.64), W("Tự", 0.66),
                 W("do", 0.7), W("-", 0.73), W("Hạnh", 0.75), W("phúc", 0.81)], y: 0.11),
            numberLine,
            plain("TỜ TRÌNH", x: 0.45, y: 0.17),
            plain("Về việc miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh", x: 0.2, y: 0.19),
            plain("Kính gửi: Hội đồng nhân dân tỉnh", x: 0.3, y: 0.22),
            plain("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", x: 0.2, y: 0.25),
        ]
    }

    static let signature: [TextLine] = [
        plain("Nơi nhận:", x: 0.16, y: 0.70),
        plain("- Như trên;", x: 0.17, y: 0.72),
        plain("- Lưu: VT, NC.", x: 0.17, y: 0.74),
        plain("CHỦ TỊCH", x: 0.66, y: 0.70),
        plain("Nguyễn Hoàng Giang", x: 0.62, y: 0.80),
    ]

    // MARK: Hand-filled number and day

    @Test func handwrittenNumberAndDayAreNullWithStatusSymbolAndPlace() {
        // '24' read '84' at 0.36, taller than the typed year; day '07' read '0†'.
        let numberLine = Self.ocr([W("Số:", 0.19, 0.36, h: 0.0145), W("84", 0.227, 0.36, h: 0.016), W("/TTr", 0.273, 0.84, h: 0.012),
                                   W("-UBND", 0.322, 0.92, h: 0.0117), W("Quảng", 0.487, h: 0.0148), W("Ngãi,", 0.549, h: 0.0143),
                                   W("ngày", 0.604, 0.93, h: 0.0143), W("0†", 0.653, 0.92, h: 0.0148), W("tháng", 0.691, h: 0.0145),
                                   W("02", 0.747, 0.95, h: 0.0111), W("năm", 0.779, h: 0.0105), W("2025", 0.822, 0.93, h: 0.0111)], y: 0.131)
        let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
        #expect(fields.number == nil)
        #expect(fields.fieldStatus[.number] == .handwritten)
        #expect(fields.numberSymbol == "TTr-UBND")
        #expect(fields.date == nil)
        #expect(fields.fieldStatus[.date] == .handwritten)
        #expect(fields.datePartial == "2025-02")
        #expect(fields.place == "Quảng Ngãi")
        // The blank's place: from 'Số:' over the figures to the symbol.
        let number = fields.locations[.number]
        #expect(number?.page == 1 && number?.line == 3)
        #expect((number?.box?.x ?? 1) <= 0.19 && (number?.box?.maxX ?? 0) >= 0.37)
        let date = fields.locations[.date]
        #expect((date?.box?.x ?? 1) <= 0.61 && (date?.box?.maxX ?? 0) >= 0.86)
        // The blanks alone, for reading the hand-filled figures again: between 'Số:' and the slash,
        // between 'ngày' and 'tháng', taller than the line (hand figures rise above it).
        let numberBlank = fields.handwritten[.number]?.blank
        #expect(numberBlank?.page == 1 && numberBlank?.line == 3)
        #expect(abs((numberBlank?.box?.x ?? 0) - 0.223) < 0.001 && abs((numberBlank?.box?.maxX ?? 0) - 0.273) < 0.001)
        #expect((numberBlank?.box?.y ?? 1) < 0.131 && (numberBlank?.box?.maxY ?? 0) > 0.131 + 0.016)
        let dayBlank = fields.handwritten[.date]?.blank
        #expect(abs((dayBlank?.box?.x ?? 0) - 0.648) < 0.001 && abs((dayBlank?.box?.maxX ?? 0) - 0.691) < 0.001)
        #expect(fields.handwritten[.number]?.readings == [])
        // Month and year read for sure: nothing printed to read again.
        #expect(fields.handwritten[.date]?.printed == nil)
    }

    @Test func cleanlyReadHandwrittenDayIsStillAbstainedOnByItsHeight() {
        // db1406c68d: the hand-filled '05' read right at 0.91, but 1.3 times the typed month's height.
        let numberLine = Self.ocr([W("Số:", 0.2), W("15", 0.24, 0.93, h: 0.0157), W("/QĐ-XPHC", 0.283, 0.9, h: 0.0145),
                                   W("Quảng", 0.486), W("Ngãi,", 0.554), W("ngày", 0.612), W("05", 0.67, 0.91, h: 0.0157),
                                   W("tháng", 0.707), W("02", 0.767, h: 0.012), W("năm", 0.796), W("2025", 0.842, h: 0.0123)], y: 0.124)
        let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
        #expect(fields.number == nil)
        #expect(fields.fieldStatus[.number] == .handwritten)
        #expect(fields.numberSymbol == "QĐ-XPHC")
        #expect(fields.date == nil)
        #expect(fields.fieldStatus[.date] == .handwritten)
        #expect(fields.datePartial == "2025-02")
    }

    @Test func typedNumberJoinedToItsSymbolIsReadByItsSize() {
        // samples' scanned QĐ 1246: '1246/QĐ-UBND' in one word at 0.59 (the model doubts 'Đ'), the size of the year.
        let numberLine = Self.ocr([W("Số:", 0.19), W("1246/QĐ-UBND", 0.23, 0.59, h: 0.0131), W("Trà", 0.5), W("Bồng,", 0.54),
                                   W("ngày", 0.6), W("15", 0.65, 0.97, h: 0.0108), W("tháng", 0.68), W("3", 0.74, h: 0.0108),
                                   W("năm", 0.76), W("2024", 0.8, 0.95, h: 0.0108)], y: 0.131)
        let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
        #expect(fields.number == "1246/QĐ-UBND")
        #expect(fields.date == "2024-03-15")
    }

    @Test func typedFiguresOnAScanAreRead() {
        let numberLine = Self.ocr([W("Số:", 0.19), W("24/TTr-UBND", 0.23, 0.95, h: 0.0125), W("Quảng", 0.487), W("Ngãi,", 0.549),
                                   W("ngày", 0.604), W("07", 0.653, 0.96, h: 0.011), W("tháng", 0.691), W("02", 0.747),
                                   W("năm", 0.779), W("2025", 0.822)], y: 0.131)
        let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
        #expect(fields.number == "24/TTr-UBND")
        #expect(fields.fieldStatus[.number] == nil)
        #expect(fields.date == "2025-02-07")
        #expect(fields.fieldStatus[.date] == nil)
    }

    @Test func blankReadEmptyOnAScanIsIllegibleAndAnUnsureYearGivesNoMonth() {
        // 7b3d726fac: the OCR dropped the hand-filled '575' altogether; c0df41cb33: the typed year 2018
        // read '2016' at 0.86.
        let numberLine = Self.ocr([W("Số:", 0.18, 0.07), W("/UBND-KTTH", 0.262, 0.87), W("Quảng", 0.507), W("Ngãi,", 0.57),
                                   W("ngày", 0.624), W("Ø3", 0.667, 0.91, h: 0.014), W("tháng", 0.703), W("4", 0.76),
                                   W("năm", 0.776), W("2016", 0.82, 0.86)], y: 0.115)
        let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
        #expect(fields.number == nil)
        #expect(fields.fieldStatus[.number] == .illegible)
        #expect(fields.numberSymbol == "UBND-KTTH")
        #expect(fields.date == nil)
        #expect(fields.datePartial == nil)
        #expect(fields.fieldStatus[.date] == .handwritten)
        // The unsure year, and the month with it, are left to be read again from their own crop.
        let printed = fields.handwritten[.date]?.printed ?? []
        #expect(printed.map(\.part) == [.month, .year])
        #expect(abs((printed.last?.place.box?.x ?? 0) - 0.82) < 0.001 && printed.allSatisfy { $0.readings.isEmpty })
    }

    @Test func dayGluedToTheWordsAroundItIsAbstainedOn() {
        // 66c9346504: 'ngàyÊtháng', abc78efe9b: 'ngày0)'.
        for glued in [[W("ngàyÊtháng", 0.645, 0.52, h: 0.0168)], [W("ngày0)", 0.622, 0.32, h: 0.0162), W("tháng", 0.704)]] {
            let numberLine = Self.ocr([W("Số:", 0.18), W("}_", 0.233, 0.64, h: 0.0217), W("/TTr-UBND", 0.271, 0.73),
                                       W("Quảng", 0.527), W("Ngãi,", 0.59)] + glued + [W("01", 0.772), W("năm", 0.799), W("2025", 0.842)],
                                      y: 0.152)
            let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
            #expect(fields.number == nil)
            #expect(fields.fieldStatus[.number] == .handwritten)
            #expect(fields.date == nil)
            #expect(fields.datePartial == "2025-01")
            #expect(fields.place == "Quảng Ngãi")
        }
    }

    @Test func dayBlankReachesTheFiguresThePrintedWordsBoxesTookIn() {
        // OCR draws a printed word's box over hand figures touching it: 'ngày' over the 1 of '15'
        // (05dc7aad7f), 'tháng' over the crossbar 7 of '27' (f37a144d68), the day glued into one word
        // with both (66c9346504 'ngàyÊtháng') or with 'ngày' (abc78efe9b 'ngày0)'). The printed words
        // end where their width in the line's font does (Times New Roman, its em from the typed year:
        // 0.044 / 1.9 here; 'ngày' is 1.94 em, 'tháng' 2.25).
        let em = 0.044 / 1.9
        let cases: [([W], ClosedRange<Double>, ClosedRange<Double>)] = [
            ([W("ngàyÊtháng", 0.645, 0.52, h: 0.0168)], 0.645 + 1.94 * em - 0.001...0.645 + 1.94 * em + 0.001,
             0.755 - 2.25 * em - 0.001...0.755 - 2.25 * em + 0.001),
            ([W("ngày0)", 0.622, 0.32, h: 0.0162), W("tháng", 0.704)], 0.622 + 1.94 * em - 0.001...0.622 + 1.94 * em + 0.001,
             0.703...0.705),
            ([W("ngày", 0.612, 0.78, w: 0.068), W("Z", 0.685, 0.33), W("tháng", 0.707, w: 0.085)],
             0.612 + 1.94 * em - 0.001...0.612 + 1.94 * em + 0.001, 0.792 - 2.25 * em - 0.001...0.792 - 2.25 * em + 0.001),
        ]
        for (words, start, end) in cases {
            let numberLine = Self.ocr([W("Số:", 0.18), W("}_", 0.233, 0.64, h: 0.0217), W("/TTr-UBND", 0.271, 0.73),
                                       W("Quảng", 0.527), W("Ngãi,", 0.59)] + words + [W("01", 0.8), W("năm", 0.826), W("2025", 0.87)],
                                      y: 0.152)
            let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
            #expect(fields.date == nil && fields.fieldStatus[.date] == .handwritten)
            let blank = fields.handwritten[.date]?.blank.box
            #expect(blank.map { start.contains($0.x) && end.contains($0.maxX) } == true, "\(words.map(\.text)): \(String(describing: blank))")
        }
        // Boxes the width of their words are taken as they are.
        let plain = Self.ocr([W("Số:", 0.18), W("}_", 0.233, 0.64, h: 0.0217), W("/TTr-UBND", 0.271, 0.73), W("Quảng", 0.527),
                              W("Ngãi,", 0.59), W("ngày", 0.645), W("Z", 0.7, 0.33), W("tháng", 0.72), W("01", 0.8),
                              W("năm", 0.826), W("2025", 0.87)], y: 0.152)
        let blank = parser.parse([Self.page(1, Self.header(numberLine: plain) + Self.signature)]).handwritten[.date]?.blank.box
        #expect(blank.map { abs($0.x - 0.689) < 0.001 && abs($0.maxX - 0.72) < 0.001 } == true)
    }

    // MARK: Born-digital fill-ins

    @Test func textLayerBlanksKeepTheSymbolMonthAndYear() {
        // 1f1e483595: the text layer puts 'Số:', '/TB-UBND', 'Quảng Ngãi, ngày' and 'tháng 11 năm 2024' in
        // four blocks (the number and day are drawn by signature fields).
        func line(_ text: String, x: Double, y: Double, width: Double) -> TextLine {
            var position = x
            let words = text.split(separator: " ").map { word -> TextLine.Word in
                defer { position += 0.012 * Double(word.count) + 0.008 }
                return .init(text: String(word), box: Box(x: position, y: y, width: 0.012 * Double(word.count), height: 0.017))
            }
            return TextLine(text: text, box: Box(x: x, y: y, width: width, height: 0.017), words: words)
        }
        let lines = [
            line("ỦY BAN NHÂN DÂN", x: 0.18, y: 0.085, width: 0.21),
            line("TỈNH QUẢNG NGÃI", x: 0.18, y: 0.103, width: 0.21),
            line("Số:", x: 0.19, y: 0.139, width: 0.03),
            line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 0.44, y: 0.085, width: 0.45),
            line("Độc lập - Tự do - Hạnh phúc", x: 0.52, y: 0.103, width: 0.27),
            line("/TB-UBND", x: 0.28, y: 0.139, width: 0.1),
            line("Quảng Ngãi, ngày", x: 0.49, y: 0.139, width: 0.16),
            line("tháng 11 năm 2024", x: 0.68, y: 0.139, width: 0.17),
            line("THÔNG BÁO", x: 0.46, y: 0.191, width: 0.15),
            line("Về việc tham dự Hội nghị đánh giá Chương trình mục tiêu quốc gia", x: 0.2, y: 0.206, width: 0.67),
        ]
        let fields = parser.parse([Self.page(1, lines, source: .text)])
        #expect(fields.number == nil)
        #expect(fields.numberSymbol == "TB-UBND")
        #expect(fields.fieldStatus[.number] == nil)
        #expect(fields.place == "Quảng Ngãi")
        #expect(fields.date == nil)
        #expect(fields.datePartial == "2024-11")
        #expect(fields.type == "TB")
        // The number's place spans the blank between 'Số:' and the symbol.
        #expect((fields.locations[.number]?.box?.maxX ?? 0) >= 0.37)
    }

    @Test func numberGluedToSoIsCheckedLikeAnyOther() {
        // 'Số:4B' (db1406c68d) and 'Số:24/TTr-UBND' in one word, taller than the typed year: hand-filled.
        for glued in [[W("Số:4B", 0.202, 0.5, h: 0.0174), W("/QĐ-XPHC", 0.283, 0.75)], [W("Số:24/TTr-UBND", 0.19, 0.9, h: 0.0165)]] {
            let numberLine = Self.ocr(glued + [W("Quảng", 0.486), W("Ngãi,", 0.554), W("ngày", 0.612), W("tháng", 0.707), W("02", 0.767),
                                               W("năm", 0.796), W("2025", 0.842)], y: 0.124)
            let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
            #expect(fields.number == nil)
            #expect(fields.fieldStatus[.number] == .handwritten)
            #expect(fields.numberSymbol != nil)
        }
    }

    @Test func textLayerFillInOCRedApartIsReadWhenSure() {
        // 1f1e483595 after extraction: the signing software's '542' and '06' OCRed into lines of their own.
        func line(_ text: String, x: Double, y: Double, confidence: Double? = nil) -> TextLine {
            var position = x
            let words = text.split(separator: " ").map { word -> TextLine.Word in
                defer { position += 0.012 * Double(word.count) + 0.008 }
                return .init(text: String(word), box: Box(x: position, y: y, width: 0.012 * Double(word.count), height: confidence == nil ? 0.017 : 0.011),
                             confidence: confidence)
            }
            let box = Box.union(words.map(\.box))!
            return TextLine(text: text, box: box, words: words)
        }
        func fields(numberConfidence: Double) -> DocumentFields {
            let lines = [
                line("ỦY BAN NHÂN DÂN", x: 0.18, y: 0.085), line("TỈNH QUẢNG NGÃI", x: 0.18, y: 0.103), line("Số:", x: 0.19, y: 0.139),
                line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 0.44, y: 0.085), line("Độc lập - Tự do - Hạnh phúc", x: 0.52, y: 0.103),
                line("/TB-UBND", x: 0.28, y: 0.139), line("Quảng Ngãi, ngày", x: 0.49, y: 0.139), line("tháng 11 năm 2024", x: 0.68, y: 0.139),
                line("06", x: 0.655, y: 0.142, confidence: 0.91), line("542", x: 0.222, y: 0.14, confidence: numberConfidence),
                line("THÔNG BÁO", x: 0.46, y: 0.191), line("Về việc tham dự Hội nghị đánh giá", x: 0.2, y: 0.206),
            ]
            return parser.parse([Self.page(1, lines, source: .text)])
        }
        let sure = fields(numberConfidence: 0.96)
        #expect(sure.number == "542/TB-UBND")
        #expect(sure.date == "2024-11-06")
        #expect(sure.place == "Quảng Ngãi")
        // ebaa832789: its '11' read at 0.65: not reported.
        let unsure = fields(numberConfidence: 0.65)
        #expect(unsure.number == nil)
        #expect(unsure.fieldStatus[.number] == .illegible)
        #expect(unsure.numberSymbol == "TB-UBND")
    }

    // MARK: Traps

    @Test func incomingMailStampAndCitedDatesAreNotTheDocuments() {
        let numberLine = Self.ocr([W("Số:", 0.144), W("đ@", 0.191, 0.49, h: 0.0134), W("/CT-UBND", 0.239, 0.91), W("Quảng", 0.498),
                                   W("Ngãi,", 0.562), W("ngày", 0.618), W("tháng", 0.703), W("4", 0.76), W("năm", 0.776),
                                   W("2018", 0.82, 0.95)], y: 0.101)
        var lines = Self.header(numberLine: numberLine)
        lines.insert(contentsOf: [Self.plain("CV ĐẾN", x: 0.1, y: 0.235), Self.plain("Số: 2770", x: 0.1, y: 0.24),
                                  Self.plain("Ngày: 04/4/18", x: 0.1, y: 0.245)], at: 5)
        let fields = parser.parse([Self.page(1, lines + Self.signature)])
        #expect(fields.number == nil)
        #expect(fields.numberSymbol == "CT-UBND")
        #expect(fields.date == nil)
        #expect(fields.datePartial == "2018-04")
    }

    @Test func draftsNamedInTheSubjectDoNotMakeADraft() {
        // 7b3d726fac: 'V/v tham gia ý kiến các dự thảo Nghị định của Chính phủ', a signed công văn.
        let text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 575/UBND-KTTH\nQuảng Ngãi, ngày 04 tháng 02 năm 2025\nV/v tham gia ý kiến\n"
            + "các dự thảo Nghị định của\nChính phủ\nKính gửi: Sở Tài chính\nNội dung.\nNơi nhận:\n- Lưu: VT.\nTL. CHỦ TỊCH\n"
            + "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nHà Thị Lê Vân"
        let fields = parser.parse(text: text)
        #expect(fields.draft == false)
        #expect(fields.signer == .init(name: "Hà Thị Lê Vân", title: "PHÓ CHÁNH VĂN PHÒNG", authority: "KT"))
    }

    // MARK: The document's own signature block

    static let textHead = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 9/TTr-UBND\nQuảng Ngãi, ngày 20 tháng 01 năm 2025\nTỜ TRÌNH\nVề việc ban hành Nghị quyết\nKính gửi: Hội đồng nhân dân tỉnh\nNội dung tờ trình.\n"

    @Test func attachedDraftResolutionIsNotTheSigner() {
        // 66c9346504: the Tờ trình's block lost to the seal; pages after it are the draft resolution.
        let text = Self.textHead + "Xin gửi kèm theo: Dự thảo Nghị quyết.\n\n\u{0C}"
            + "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: /2025/NQ-HĐND\n"
            + "NGHỊ QUYẾT\nBãi bỏ các nghị quyết\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\nBùi Thị Quỳnh Vân"
        let fields = parser.parse(text: text)
        #expect(fields.signer?.name != "Bùi Thị Quỳnh Vân")
        #expect(fields.signer?.title == nil)
        #expect(fields.number == "9/TTr-UBND")
    }

    @Test func ownBlockFoundBeforeTheAttachedDraft() {
        let text = Self.textHead + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Hoàng Tuấn\n\u{0C}"
            + "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            + "NGHỊ QUYẾT\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n\nBùi Thị Quỳnh Vân"
        #expect(parser.parse(text: text).signer == .init(name: "Trần Hoàng Tuấn", title: "PHÓ CHỦ TỊCH", authority: "KT"))
    }

    @Test func deliveryReceiptNeverLendsItsName() {
        // db1406c68d: the block's name unread under the seal; page 5 the delivery receipt naming the offender.
        let text = Self.textHead + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nrần Phước Hiên\n\u{0C}"
            + "Quyết định đã giao trực tiếp cho\nngười đại diện của Hộ kinh doanh Võ Tấn Hùng bị xử phạt vào hồi... giờ...\n"
            + "NGƯỜI NHẬN QUYẾT ĐỊNH\n(Ký, ghi rõ họ và tên)\n\nVõ Tấn Hùng"
        let signer = parser.parse(text: text).signer
        #expect(signer?.name == nil)
        #expect(signer?.title == "PHÓ CHỦ TỊCH")
        #expect(signer?.authority == "KT")
    }

    // MARK: Authority lines

    @Test func deputyWhosePhoTheSealHidIsNeverTheHead() {
        // a14f93b054: 'KT. CHỦ TỊCH' then 'CHU TỊCH' ('PHÓ' under the seal).
        let text = Self.textHead + "Nơi nhận: KT. CHỦ TỊCH\n- Như trên; Dm %\n- CT, PCT UBND tỉnh; CHU TỊCH\n- Lưu: VT.\n\nTrần Hoàng Tuấn"
        let signer = parser.parse(text: text).signer
        #expect(signer?.title == "PHÓ CHỦ TỊCH")
        #expect(signer?.authority == "KT")
        #expect(signer?.name == "Trần Hoàng Tuấn")
    }

    @Test func damagedAuthorityLineGivesNoTitleRatherThanTheHead() {
        // db1406c68d: 'KT.' read 'T.', 'PHÓ CHỦ TỊCH' read 'HÓ'.
        let text = Self.textHead + "Nơi nhận: T. CHỦ TỊCH\n- Như trên; HÓ\n- Lưu: VT.\n\nTrần Phước Hiền"
        let signer = parser.parse(text: text).signer
        #expect(signer?.title == nil)
        #expect(signer?.authority == nil)
        #expect(signer?.name == "Trần Phước Hiền")
    }

    @Test(arguments: [
        ("T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "CHỦ TỊCH", "TM"),
        ("T/M. ỦY BAN NHÂN DÂN\nK/T. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT"),
        ("TM, ỦY BAN NHÂN DÂN\nKT: CHỦ TỊCH\nPHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT"),
        ("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "KT"),
    ] as [(String, String, String)])
    func oldAndNoisyAuthorityMarkers(block: String, title: String, authority: String) {
        let signer = parser.parse(text: Self.textHead + "Nơi nhận:\n- Lưu: VT.\n" + block + "\n\nNguyễn Văn An").signer
        #expect(signer == .init(name: "Nguyễn Văn An", title: title, authority: authority))
    }

    @Test func concurrentPostOverTheNameIsNotTheTitle() {
        // abc78efe9b: 'TRƯỞNG BAN' under the seal; 'CHỦ TỊCH UBND TỈNH' (his other post) over the name.
        let text = Self.textHead + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, NC. CHU TỊCH UBND TĨNH\nNguyễn Hoàng Giang"
        let signer = parser.parse(text: text).signer
        #expect(signer?.name == "Nguyễn Hoàng Giang")
        #expect(signer?.title == nil)
    }

    @Test func chairmansDecisionAuthorityLineIsNotTheBlock() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 89/QĐ-UBND\nQuảng Ngãi, ngày 16 tháng 01 năm 2025\nQUYẾT ĐỊNH\n"
            + "Về việc bổ nhiệm vào ngạch Thanh tra viên\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n"
            + "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Bổ nhiệm ông Phạm Thanh Quang.\n"
            + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Phước Hiền"
        let fields = parser.parse(text: text)
        #expect(fields.signer == .init(name: "Trần Phước Hiền", title: "PHÓ CHỦ TỊCH", authority: "KT"))
        #expect(fields.date == "2025-01-16")
    }

    // MARK: Laid-out blocks

    @Test func nameAloneUnderTheSealIsReadWithoutATitle() {
        // c0df41cb33: the seal hid 'CHỦ TỊCH'; the name stands alone in the signature column.
        let numberLine = Self.ocr([W("Số:", 0.19), W("8/CT-UBND", 0.23, 0.95, h: 0.0125), W("Quảng", 0.487), W("Ngãi,", 0.549),
                                   W("ngày", 0.604), W("3", 0.653), W("tháng", 0.691), W("4", 0.747), W("năm", 0.779),
                                   W("2018", 0.822)], y: 0.131)
        let lines = Self.header(numberLine: numberLine) + [
            Self.plain("Nơi nhận:", x: 0.12, y: 0.60),
            Self.plain("- Thường trực Tỉnh ủy (b/cáo);", x: 0.13, y: 0.62),
            Self.plain("- CT, PCT UBND tỉnh;", x: 0.13, y: 0.64),
            Self.plain("- Lưu: VT, P.Th.", x: 0.12, y: 0.66),
            Self.plain("Trần Ngọc Căng", x: 0.63, y: 0.72),
        ]
        let fields = parser.parse([Self.page(1, lines)])
        #expect(fields.signer?.name == "Trần Ngọc Căng")
        #expect(fields.signer?.title == nil)
        #expect(fields.draft == false)
        #expect(fields.locations[.signerName]?.box?.x ?? 0 >= 0.6)
        // Where the title lines should be: above the name.
        let title = fields.locations[.signerTitle]?.box
        #expect(title.map { $0.maxY <= 0.72 + 1e-9 && $0.y < 0.72 } == true)
    }

    @Test func blockHiddenByTheSealIsSignedNotADraft() {
        // 1eef26c429: tesseract found a picture beside the recipients (seal and signature) and no text.
        let numberLine = Self.ocr([W("Số:", 0.19), W("24/TTr-UBND", 0.23, 0.95, h: 0.0125)], y: 0.131)
        let picture = TextLine(text: " ", box: Box(x: 0.52, y: 0.749, width: 0.37, height: 0.141), words: [])
        let lines = Self.header(numberLine: numberLine) + [
            Self.plain("Nơi nhận:", x: 0.16, y: 0.769), Self.plain("- Như trên;", x: 0.17, y: 0.785),
            Self.plain("- Lưu: VT, NC.", x: 0.16, y: 0.925), picture,
        ]
        let fields = parser.parse([Self.page(1, lines)])
        #expect(fields.signer == nil)
        #expect(fields.draft == false)
        // Where the block should be, for a person: beside the recipients.
        let place = fields.locations[.signerName]
        #expect(place?.page == 1 && (place?.box?.x ?? 0) >= 0.4 && (place?.box?.y ?? 0) >= 0.7)
        // Without the picture, nothing says it was signed.
        let unsigned = parser.parse([Self.page(1, Array(lines.dropLast()))])
        #expect(unsigned.draft == true)
    }

    @Test func minutesColumnsReadApart() {
        // Generated minutes once gave 'Bằng Trịnh Minh Thuận': each block is now read in its own column.
        let lines = Self.header(numberLine: Self.ocr([W("Số:", 0.19), W("21/BB-UBND", 0.23, 0.95, h: 0.0125)], y: 0.131))
            .filter { !$0.text.hasPrefix("TỜ") } + [
            Self.plain("BIÊN BẢN", x: 0.45, y: 0.17),
            // A heading that names the chair is not the block.
            Self.plain("III. KẾT LUẬN CỦA CHỦ TRÌ", x: 0.19, y: 0.45),
            Self.plain("Chủ tịch UBND huyện Đinh Công Thạnh kết luận.", x: 0.19, y: 0.47),
            Self.plain("Biên bản kết thúc lúc 11 giờ cùng ngày.", x: 0.2, y: 0.6),
            Self.ocr([W("THƯ", 0.2), W("KÝ", 0.25), W("CHỦ", 0.66), W("TRÌ", 0.72)], y: 0.65),
            Self.ocr([W("Lê", 0.15), W("Văn", 0.19), W("Bằng", 0.24), W("Trịnh", 0.62), W("Minh", 0.69), W("Thuận", 0.75)], y: 0.75),
        ]
        let fields = parser.parse([Self.page(1, lines)])
        #expect(fields.type == "BB")
        #expect(fields.signer == .init(name: "Trịnh Minh Thuận", title: "CHỦ TRÌ", authority: nil))
        #expect(fields.secretary == .init(name: "Lê Văn Bằng", title: "THƯ KÝ", authority: nil))
        #expect((fields.locations[.signerName]?.box?.x ?? 0) >= 0.6)
        #expect((fields.locations[.secretary]?.box?.maxX ?? 1) < 0.5)
    }

    @Test func everyFieldHasAPlace() {
        let numberLine = Self.ocr([W("Số:", 0.19, 0.36, h: 0.0145), W("84", 0.227, 0.36, h: 0.016), W("/TTr-UBND", 0.273, 0.84),
                                   W("Quảng", 0.487), W("Ngãi,", 0.549), W("ngày", 0.604), W("0†", 0.653, 0.92, h: 0.0148),
                                   W("tháng", 0.691), W("02", 0.747), W("năm", 0.779), W("2025", 0.822)], y: 0.131)
        let fields = parser.parse([Self.page(1, Self.header(numberLine: numberLine) + Self.signature)])
        for field in [DocumentField.type, .number, .issuer, .date, .title, .signer, .signerName, .signerTitle] {
            let box = fields.locations[field]?.box
            #expect(fields.locations[field]?.page == 1, "\(field)")
            #expect(box.map { $0.width > 0 && $0.height > 0 && $0.x >= 0 && $0.maxX <= 1 } == true, "\(field)")
        }
        #expect(fields.signer == .init(name: "Nguyễn Hoàng Giang", title: "CHỦ TỊCH", authority: nil))
        #expect((fields.locations[.signerTitle]?.box?.y ?? 0) < (fields.locations[.signerName]?.box?.y ?? 0))
    }
}
