package import EvidenceModel

/// The same evidence given by two different units: the same file content (sha256), or the same
/// document (number and issuer). The checker flags the side it checks; `findings(among:)` tells
/// the store which claims of which submissions get the flag once both sides are known.
package enum DuplicateEvidence {
    /// One evidence item that collides with another unit's.
    package struct Finding: Hashable, Sendable {
        /// The item that gets the flag.
        package var evidence: KnownEvidence
        /// The other unit's item it collides with (the first in a stable order, so re-checks give the same flag).
        package var conflict: KnownEvidence
        package var flag: Flag
    }

    /// Every item of `items` that collides with an item of a different unit, each with its flag.
    /// Feed it the batch's evidence (`knownEvidence(of:evidence:)`) plus the store's.
    package static func findings(among items: [KnownEvidence]) -> [Finding] {
        var bySHA: [String: [KnownEvidence]] = [:]
        var byNumber: [String: [KnownEvidence]] = [:]
        for item in items {
            if let sha256 = item.sha256 { bySHA[sha256, default: []].append(item) }
            if let key = item.numberKey { byNumber[key, default: []].append(item) }
        }
        var out: [Finding] = []
        for item in items {
            var candidates = item.sha256.flatMap { bySHA[$0] } ?? []
            if let key = item.numberKey { candidates += byNumber[key] ?? [] }
            if let conflict = firstConflict(of: item, among: candidates) {
                out.append(Finding(evidence: item, conflict: conflict, flag: flag(for: item, conflict: conflict)))
            }
        }
        return out
    }

    /// The first item of another unit that is the same file or the same document as `item`.
    package static func firstConflict(of item: KnownEvidence, among others: [KnownEvidence]) -> KnownEvidence? {
        others.filter { other in
            other.unitCode != item.unitCode && (sameContent(item, other) || sameDocument(item, other))
        }.min(by: order)
    }

    static func sameContent(_ a: KnownEvidence, _ b: KnownEvidence) -> Bool {
        a.sha256 != nil && a.sha256 == b.sha256
    }

    static func sameDocument(_ a: KnownEvidence, _ b: KnownEvidence) -> Bool {
        guard let n1 = a.number, let n2 = b.number, let i1 = a.issuer, let i2 = b.issuer else { return false }
        return Tolerant.sameNumber(n1, n2) && Tolerant.sameBody(i1, i2)
    }

    static func order(_ a: KnownEvidence, _ b: KnownEvidence) -> Bool {
        (a.submission, a.claimIndex, a.file) < (b.submission, b.claimIndex, b.file)
    }

    /// The flag `item` gets for colliding with `conflict`; the same for the same pair, every time.
    package static func flag(for item: KnownEvidence, conflict: KnownEvidence) -> Flag {
        let sameContent = sameContent(item, conflict)
        let found: String
        if sameContent {
            found = "Trùng nội dung tệp với \(conflict.file) của đơn vị \(conflict.unitCode) (hồ sơ \(conflict.submission), chỉ tiêu thứ \(conflict.claimIndex + 1))"
        } else {
            found = "Trùng văn bản số \(conflict.number ?? "?") của \(conflict.issuer ?? "?") với đơn vị \(conflict.unitCode) (hồ sơ \(conflict.submission), tệp \(conflict.file))"
        }
        return Flag(reason: .duplicateEvidence,
                    message: "Tài liệu kiểm chứng \(item.file) cũng được đơn vị \(conflict.unitCode) nộp làm kiểm chứng; một tài liệu không thể chứng minh cho hai đơn vị.",
                    file: item.file, expected: "Tài liệu của riêng đơn vị \(item.unitCode)", found: found)
    }

    /// The evidence items of a checked submission, as other submissions will see them.
    package static func knownEvidence(of submission: Submission, evidence: [String: EvidenceFacts],
                                     options: CheckOptions = CheckOptions()) -> [KnownEvidence] {
        var out: [KnownEvidence] = []
        for (index, claim) in submission.claims.enumerated() {
            for item in claim.evidence {
                // An archive's files each, named by their place in it.
                for facts in evidence[item.file].map({ $0.members ?? [$0] }) ?? [] where facts.document != nil {
                    let identity = facts.fields?.identity(threshold: options.fieldConfidence)
                    out.append(KnownEvidence(submission: submission.submission, unitCode: submission.unit.code, claimIndex: index,
                                             indicator: claim.indicator, file: facts.file.hasPrefix(item.file + "/") ? facts.file : item.file,
                                             sha256: facts.sha256, number: identity?.number, issuer: identity?.issuer))
                }
            }
        }
        return out
    }
}
