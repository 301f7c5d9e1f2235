import EvidenceModel

extension Reading {
    /// The first line of a document attached after this one: a later page that opens with its own
    /// national motto ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' / 'Độc lập - Tự do - Hạnh phúc').
    func attachedDocumentStart() -> Int? {
        guard let first = lines[safe: headerStart] else { return nil }
        var index = max(headerEnd, bodyStart)
        var pageStart = index
        var nonBlankOnPage = 0
        var page = lines[safe: index]?.page ?? first.page
        while index < lines.count {
            let line = lines[index]
            if line.page != page { page = line.page; pageStart = index; nonBlankOnPage = 0 }
            if !line.isBlank {
                nonBlankOnPage += 1
                if page > first.page, nonBlankOnPage <= 6, Self.holdsMotto(cache.tokens(of: line)) { return pageStart }
            }
            index += 1
        }
        return nil
    }

    private static let mottoSkeletons = ["CONG", "HOA", "XA", "HOL"].map { Skeleton.of($0) }

    static func holdsMotto(_ tokens: [Token]) -> Bool {
        let skeletons = tokens.map { Skeleton.of($0.bareKey) }
        for index in skeletons.indices.dropLast(2) where skeletons[index].hasSuffix("ONG") || skeletons[index] == "CONC" {
            if skeletons[index + 1].hasPrefix(Skeleton.of("HOA")), skeletons[index + 2] == Skeleton.of("XA") { return true }
        }
        for index in skeletons.indices.dropLast(2) where skeletons[index].count == 3 && skeletons[index].hasPrefix("D") {
            if skeletons[index + 1] == Skeleton.of("LAP") { return true }
        }
        return false
    }
}
