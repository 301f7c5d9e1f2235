import EvidenceModel

extension Reading {
    private static let du = Skeleton.of("DU"), thao = Skeleton.of("THAO")

    /// 'DỰ THẢO' at the top of the document, or no signature block at all.
    mutating func readDraft() {
        var index = headerStart
        var seen = 0
        let limit = max(bodyStart + 2, headerStart + 6)
        while index < min(lines.count, limit), seen < 30 {
            let line = lines[index]
            if !line.isBlank, line.mayHoldDraftMark {
                seen += 1
                if line.text.utf8.count < 400 {
                    let tokens = cache.tokens(of: line)
                    let skeletons = tokens.map { Skeleton.of($0.bareKey) }
                    // The mark is printed in capitals; 'các dự thảo Nghị định' in a subject is no mark.
                    for position in skeletons.indices.dropLast() where skeletons[position] == Self.du && skeletons[position + 1] == Self.thao
                        && tokens[position].isTitleWord && tokens[position + 1].isTitleWord {
                        fields.draft = true
                        set(.draft, confidence: 0.95, at: line)
                        return
                    }
                }
            }
            index += 1
        }
        if fields.signer == nil, signatureImage {
            // Signed on paper, its block unread: not a draft, but an appraiser should look.
            fields.draft = false
            set(.draft, confidence: 0.5, place: fields.locations[.signer])
        } else if fields.signer == nil {
            // No signature block read: unsigned, or the OCR lost the block; an appraiser should look.
            fields.draft = true
            set(.draft, confidence: 0.4, at: nil)
        } else {
            fields.draft = false
            set(.draft, confidence: fields.signer?.name == nil ? 0.6 : 0.9, at: nil)
        }
    }
}
