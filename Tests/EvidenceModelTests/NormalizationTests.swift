@testable import EvidenceModel
import Foundation
import Testing

@Suite struct NormalizationTests {
    @Test(arguments: [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",                       // precomposed: kept as it is
        "Co\u{0302}\u{0323}ng ho\u{0300}a",                           // decomposed: composed
        "ĐỘC LẬP – TỰ DO – HẠNH PHÚC ₫ “Số” 1.234",
        "A\u{030A}ngstro\u{0308}m \u{212B}",                          // Ångström sign: a singleton
        "\u{037E} \u{2126} \u{FA10}",                                 // Greek question mark, Ohm, CJK compatibility
        "",
    ])
    func nfcEqualsFoundationsNormalization(_ text: String) {
        #expect(text.nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func theQuickCheckSendsEveryCombiningMarkToFoundation() {
        #expect("Việt Nam".isNFCByQuickCheck)
        #expect(!"Vie\u{0323}\u{0302}t".isNFCByQuickCheck)
        #expect(!"\u{2126}".isNFCByQuickCheck)
    }

    @Test func theFastFoldTableMatchesFoldingEveryScalar() {
        let table = FastFold.tableForTesting
        let mismatches = table.indices.filter { table[$0] != FastFold.slowByte($0) }
        #expect(mismatches.isEmpty, "scalars folded differently: \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }
}

@Suite struct FoldingTests {
    @Test(arguments: [
        "  Ủy ban nhân dân   huyện Trà Bồng ", "Số: 178/KH-UBND", "Đảng bộ ĐỨC PHỔ", "ngày 27 tháng 10 năm 2024",
        "Straße", "Độc lập – Tự do – Hạnh phúc", "“Kế hoạch”", "Ωμέγα", "漢字", "a\u{0301}b", "~tilde~", "",
    ])
    func theTableGivesExactlyTheDecompositionsFold(_ text: String) {
        #expect(text.folded == text.foldedByDecomposition)
    }
}
