import Foundation
import EvidenceModel

/// One root cause, one flag: when one fact explains several findings on a document, only the
/// root is reported, and an operator's assumption never accuses.
enum RootCause {
    /// Findings a rule's reading produces (as opposed to facts about the file or the declaration).
    static let ruleReadings: Set<FlagReason> = [.wrongType, .wrongIssuer, .signerNotHead, .offTopic, .outOfPeriod, .insufficientCount]

    /// Consequences dropped when their root is present.
    static let consequences: [FlagReason: Set<FlagReason>] = [
        // Another unit's document: its issuer is that unit; the copy is the root.
        .duplicateEvidence: [.wrongIssuer],
        // A document of the wrong kind does not qualify whoever issued it.
        .wrongType: [.wrongIssuer],
        // A draft is not signed yet, and its blanks are not figures to read.
        .draft: [.unsigned, .signerNotHead, .signerMismatch],
        // No signature: nobody to compare or rank.
        .unsigned: [.signerNotHead, .signerMismatch],
    ]

    static func reduce(_ flags: [Flag], source: EvidenceRule.Source) -> [Flag] {
        var flags = flags
        if source == .assumption { flags = flags.map(soften) }
        let present = Set(flags.map(\.reason))
        var dropped: Set<FlagReason> = []
        for root in present { dropped.formUnion(consequences[root] ?? []) }
        var out = flags.filter { !dropped.contains($0.reason) }
        // A draft's blank number and day, an unsigned block's signer: nothing left to read there.
        if present.contains(.draft) || present.contains(.unsigned) {
            out.removeAll { $0.reason == .needsReview && [.number, .date, .signer, .draft].contains($0.field) }
        }
        // The same reason twice on one document (two readings of one fact) is one flag.
        var seen: Set<FlagReason> = []
        return out.filter { $0.reason == .needsReview || seen.insert($0.reason).inserted }
    }

    /// A finding of an assumed reading, for a person to weigh instead of an accusation.
    static func soften(_ flag: Flag) -> Flag {
        guard ruleReadings.contains(flag.reason) else { return flag }
        var soft = flag
        soft.reason = .needsReview
        soft.message = "Theo cách hiểu do người vận hành đặt (bảng chỉ số không quy định rõ): " + flag.message
            + " Cần thẩm định viên xem xét."
        if soft.field == nil { soft.field = .type }
        if soft.page == nil { soft.page = 1 }
        if soft.box == nil { soft.box = DocumentInspector.wholePage }
        return soft
    }
}

extension RootCause {
    /// A count shortfall under assumed points per document, for a person: placed on the first
    /// document's first page (the whole page), since it is about how many there are.
    static func softenCount(_ flag: Flag, reviews: [DocumentReview]) -> Flag {
        var soft = soften(flag)
        soft.file = reviews.first(where: \.valid)?.file ?? reviews.first?.file
        soft.field = .type
        return soft
    }
}
