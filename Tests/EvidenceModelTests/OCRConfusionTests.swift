@testable import EvidenceModel
import Testing

/// Issue 22: a printed symbol read with OCR's confusions (`OCRConfusion.table`, a letter read twice)
/// may be the declared one misread; a symbol that differs otherwise may not.
@Suite struct OCRConfusionTests {
    func misread(_ declared: String, _ read: String) -> Bool {
        DocumentNumber.symbolMayBeMisread(declared: declared, read: read)
    }

    @Test(arguments: ["QD-UBND", "Q\u{00D0}-UBND", "QĐ\u{00D0}-UBND", "QĐĐ-UBND", "QP-UBND", "Qb-UBND", "Q\u{00F0}-UBND"])
    func dWithoutItsBar(_ read: String) {
        #expect(misread("QĐ-UBND", read), "\(read) for QĐ-UBND")
        #expect(misread("QĐ-NĐ-UB", read.replacingOccurrences(of: "-UBND", with: "-N\u{00D0}-UB")))
    }

    @Test(arguments: ["KHH-UBND", "KH-UUBND", "KH-UBNDD", "KH-UBBND", "KKHH-UUBBNNDD"])
    func aLetterReadTwice(_ read: String) {
        #expect(misread("KH-UBND", read), "\(read) for KH-UBND")
    }

    @Test(arguments: ["TIr-UBND", "Tlr-UBND", "T1r-UBND", "T|r-UBND", "IIr-UBND", "TTr-UBND"])
    func tReadAsIOrLOrOne(_ read: String) {
        #expect(misread("TTr-UBND", read), "\(read) for TTr-UBND")
    }

    @Test func tReadAsIElsewhere() {
        #expect(misread("KSTT-VP", "KSTl-VP"))
        #expect(misread("CT-UBND", "CI-UBND"))
        #expect(misread("CTr-UBND", "C1r-UBND"))
    }

    @Test(arguments: ["GRN-UBND", "Grn-UBND", "GrN-UBND"])
    func rnForM(_ read: String) {
        #expect(misread("GM-UBND", read), "\(read) for GM-UBND")
    }

    @Test func clForDAndIiForU() {
        #expect(misread("HD-UBND", "Hcl-UBND"))
        #expect(misread("TU-VP", "TII-VP"))
        #expect(misread("TU-VP", "Tii-VP"))
    }

    @Test(arguments: ["OĐ-UBND", "0Đ-UBND", "OD-UBND", "0\u{00D0}-UBND"])
    func qWithoutItsTail(_ read: String) {
        #expect(misread("QĐ-UBND", read), "\(read) for QĐ-UBND")
    }

    @Test func qWithoutItsTailAtTheEnd() {
        #expect(misread("NQ-HĐND", "NO-HĐND"))
        #expect(misread("NQ-HĐND", "N0-HĐND"))
    }

    @Test(arguments: [
        ("QĐ-UBND", "KH-UBND"),      // another type, read cleanly
        ("QĐ-UBND", "QĐ-HĐND"),      // another body
        ("TTr-UBND", "Tr-UBND"),     // a letter missing is not a confusion
        ("TTr-UBND", "TTr-UBND-VP"), // a part added
        ("KH-UBND", "KHA-UBND"),     // a letter added that is not a doubling
        ("QĐ-UBND", "CĐ-UBND"),      // công điện is not a misread quyết định
        ("TTTT-UBND", "TTLT-UBND"),  // read as another known part: a clean reading, not a misreading
        ("GM-UBND", "GN-UBND"),
    ])
    func aDifferentSymbolIsNoMisreading(_ pair: (String, String)) {
        #expect(!misread(pair.0, pair.1), "\(pair.1) against \(pair.0)")
    }

    @Test func theParsersRestoringSkeletonIsTheTablesRestoringRows() {
        #expect(OCRConfusion.restoringSkeleton("QĐ") == "QD")
        #expect(OCRConfusion.restoringSkeleton("Qb") == "QD")
        #expect(OCRConfusion.restoringSkeleton("QP") == "QD")
        #expect(OCRConfusion.restoringSkeleton("Q\u{00D0}") == "QD")
        #expect(OCRConfusion.restoringSkeleton("qđ") == "QD")
        #expect(OCRConfusion.restoringSkeleton("B0") == "BO")
        #expect(OCRConfusion.restoringSkeleton("TTr") == "TTR")
        // Only the restoring rows: 'T' read 'I' and 'Q' read 'O' are not restored; 'B' and 'p' are letters.
        #expect(OCRConfusion.restoringSkeleton("TIr") == "TIR")
        #expect(OCRConfusion.restoringSkeleton("OĐ") == "OD")
        #expect(OCRConfusion.restoringSkeleton("Bp") == "BP")
    }

    /// The keys' look-alikes are the table's confusions seen from folded text: each member is a
    /// reading of its letter there, or its letter a reading of it ('Q' reads 'O'); '6' for 'O' only
    /// keywords take, from headings' bold 'Ố'.
    @Test func everyLookAlikeIsAConfusionOfTheTable() {
        func key(_ text: String) -> String { text.folded.uppercased() }
        for lookAlike in OCRConfusion.lookAlikes {
            let letter = key(String(lookAlike.letter))
            for (member, keys) in lookAlike.members {
                let read = key(String(member))
                let inTable = OCRConfusion.table.contains { row in
                    (key(row.printed) == letter && row.reads.map(key).contains(read))
                        || (key(row.printed) == read && row.reads.map(key).contains(letter))
                }
                #expect(inTable || (member == "6" && keys == .keywords), "\(member) for \(lookAlike.letter)")
            }
        }
    }

    /// What each key merged before the table was shared (issue 19), unchanged.
    @Test func eachKeyMergesWhatItAlwaysDid() {
        #expect(OCRConfusion.lookAlikeMap(for: .keywords)
            == ["P": "D", "0": "O", "6": "O", "Q": "O", "1": "I", "L": "I", "|": "I", "!": "I"])
        #expect(OCRConfusion.lookAlikeMap(for: .symbols) == ["0": "O", "1": "I", "L": "I", "|": "I", "P": "D", "B": "D"])
        #expect(OCRConfusion.lookAlikeMap(for: .figures) == ["O": "0", "I": "1", "L": "1", "|": "1"])
        #expect(OCRConfusion.lookAlikeMap(for: .names) == ["0": "O", "1": "I", "L": "I"])
        #expect(DocumentNumber.key("Số: O5/KH.UBND") == DocumentNumber.key("5/KH-UDND"))
        #expect(DocumentNumber.key("1l/QD-UBND") == "11/QD-UDND")
    }
}

