import EvidenceModel

extension Reading {
    /// The signer's places: the block, the title line and the name line; where a part was not read,
    /// the region where it should be (under the title for the name, above the name for the title).
    mutating func placeSigner(_ block: Block) {
        // The block's line is the name's (where flags point), its box the whole block's.
        var blockPlace = Self.union(block.titlePlace, block.namePlace) ?? lines[block.start].location
        if let name = block.namePlace { blockPlace.line = name.line }
        set(.signer, confidence: block.confidence, place: blockPlace)
        if block.signer.name != nil {
            set(.signerName, confidence: block.confidence, place: block.namePlace)
        } else if let title = block.titlePlace {
            fields.locations[.signerName] = Self.regionBelow(title)
        }
        if block.signer.title != nil {
            set(.signerTitle, confidence: block.confidence, place: block.titlePlace)
        } else if let title = block.titlePlace {
            // The title line was found but not read for sure (a damaged authority line): it is there.
            fields.locations[.signerTitle] = title
        } else if let name = block.namePlace {
            fields.locations[.signerTitle] = Self.regionAbove(name)
        }
    }

    static func union(_ a: DocumentFields.Location?, _ b: DocumentFields.Location?) -> DocumentFields.Location? {
        guard let a else { return b }
        guard let b, b.page == a.page else { return a }
        return .init(page: a.page, line: [a.line, b.line].compactMap { $0 }.min(), box: Box.union([a.box, b.box].compactMap { $0 }))
    }

    /// Where a signature's name goes: the space under its title line, as wide as the title.
    static func regionBelow(_ title: DocumentFields.Location) -> DocumentFields.Location {
        guard let box = title.box else { return .init(page: title.page, line: nil, box: nil) }
        let width = max(box.width, 0.3)
        let x = max(0, min(1 - width, box.midX - width / 2))
        return .init(page: title.page, line: nil, box: Box(x: x, y: box.maxY, width: width, height: min(0.15, 1 - box.maxY)))
    }

    /// Where a signer's title lines go: the space above the name (the seal often covers it).
    static func regionAbove(_ name: DocumentFields.Location) -> DocumentFields.Location {
        guard let box = name.box else { return .init(page: name.page, line: nil, box: nil) }
        let width = max(box.width, 0.3)
        let x = max(0, min(1 - width, box.midX - width / 2))
        let top = max(0, box.y - 0.15)
        return .init(page: name.page, line: nil, box: Box(x: x, y: top, width: width, height: box.y - top))
    }
}
