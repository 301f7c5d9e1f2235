package import EvidenceModel

/// An indicator framework (a province's DTI table for one level and year), kept as data in
/// models/frameworks/*.yaml and loaded with `Framework.load(yaml:file:)`.
package struct Framework: Codable, Hashable, Sendable {
    package var id: String
    package var name: String
    package var source: String?
    /// Unit levels the framework assesses; a submission of another level is refused.
    package var levels: [Submission.Level]
    package var maxPoints: Double?
    /// When true, every parent's points equal the sum of its children's (checked at load).
    package var strictSums: Bool
    /// Section whose codes may be written without the section prefix ("2.1.2" for "I.2.1.2").
    package var defaultSection: String?
    /// Office id → full name.
    package var offices: [String: String]
    /// Document types added to the Decree 30 list for this framework (abbreviation → name).
    package var extraDocumentTypes: [String: String]
    /// Generic names of bodies that belong to the unit they serve ('BAN CHỈ ĐẠO', 'HỘI ĐỒNG'): a
    /// document whose header names one of them under the unit (as parent line or in its own name,
    /// 'BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ HUYỆN X') is the unit's for `issuer: self`.
    package var unitBodies: [String]
    package var sections: [Section]

    package init(id: String, name: String, source: String? = nil, levels: [Submission.Level], maxPoints: Double? = nil,
                strictSums: Bool = false, defaultSection: String? = nil, offices: [String: String] = [:],
                extraDocumentTypes: [String: String] = [:], unitBodies: [String] = [], sections: [Section]) {
        self.id = id; self.name = name; self.source = source; self.levels = levels; self.maxPoints = maxPoints
        self.strictSums = strictSums; self.defaultSection = defaultSection; self.offices = offices
        self.extraDocumentTypes = extraDocumentTypes; self.unitBodies = unitBodies; self.sections = sections
    }

    /// A pillar ('Chính quyền số'): its indicators' codes restart at 1, so the section code
    /// qualifies them. A framework without sections has one section with an empty code.
    package struct Section: Codable, Hashable, Sendable {
        package var code: String
        package var name: String?
        package var maxPoints: Double?
        package var office: String?
        package var indicators: [Indicator]
        package init(code: String, name: String? = nil, maxPoints: Double? = nil, office: String? = nil, indicators: [Indicator]) {
            self.code = code; self.name = name; self.maxPoints = maxPoints; self.office = office; self.indicators = indicators
        }
    }
}

/// One row of the table: a criterion with its points and, when its evidence is checkable, its rule.
package struct Indicator: Codable, Hashable, Sendable {
    /// As printed in the table, within its section: "2.1.2", "1.1.3.a".
    package var code: String
    /// Section-qualified code, unique in the framework: "I.2.1.2" (or "2.1.2" without sections).
    package var fullCode: String
    package var name: String
    package var maxPoints: Double
    /// Office id in charge (inherited from the nearest ancestor when the row has none).
    package var office: String?
    package var note: String?
    /// nil: any readable file supports the claim (the framework's rows for statistics).
    package var evidence: EvidenceRule?
    package var children: [Indicator]

    package init(code: String, fullCode: String, name: String, maxPoints: Double, office: String? = nil,
                note: String? = nil, evidence: EvidenceRule? = nil, children: [Indicator] = []) {
        self.code = code; self.fullCode = fullCode; self.name = name; self.maxPoints = maxPoints
        self.office = office; self.note = note; self.evidence = evidence; self.children = children
    }
}

extension Framework {
    /// Every indicator, depth first in table order.
    package var allIndicators: [Indicator] {
        var out: [Indicator] = []
        func walk(_ nodes: [Indicator]) { for node in nodes { out.append(node); walk(node.children) } }
        for section in sections { walk(section.indicators) }
        return out
    }

    /// The indicator a claim names: the full code ("II.2.1.2"), or a code of the default section
    /// ("2.1.2"). Spacing and case are ignored ("i.2.1.2").
    package func indicator(_ code: String) -> Indicator? {
        let key = code.filter { !$0.isWhitespace }.uppercased()
        guard !key.isEmpty else { return nil }
        if let exact = first(fullCodeUppercased: key) { return exact }
        if let section = defaultSection, !section.isEmpty {
            return first(fullCodeUppercased: section.uppercased() + "." + key)
        }
        return nil
    }

    /// The first indicator, depth first in table order, whose full code upper-cased is `key`. Every
    /// claim of a page looks its indicator up: walked in place, with ASCII codes compared without
    /// building their upper-cased copies (copying and upper-casing the whole table per lookup was a
    /// tenth of a result page, README "Speed and memory").
    private func first(fullCodeUppercased key: String) -> Indicator? {
        let asciiKey = key.utf8.allSatisfy { $0 < 0x80 }
        func matches(_ code: String) -> Bool {
            guard asciiKey, code.utf8.allSatisfy({ $0 < 0x80 }) else { return code.uppercased() == key }
            return code.utf8.count == key.utf8.count
                && zip(code.utf8, key.utf8).allSatisfy { ($0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0) == $1 }
        }
        // By index: `for node in nodes` would copy every indicator (its rule, its children) it passes.
        func find(_ nodes: [Indicator]) -> Indicator? {
            for index in nodes.indices {
                if matches(nodes[index].fullCode) { return nodes[index] }
                if let found = find(nodes[index].children) { return found }
            }
            return nil
        }
        for index in sections.indices { if let found = find(sections[index].indicators) { return found } }
        return nil
    }

    /// The code appraisers read: as printed in the default section ("2.1.2"), qualified elsewhere ("II.2.1.2").
    package func displayCode(_ indicator: Indicator) -> String {
        guard let section = defaultSection, indicator.fullCode == section + "." + indicator.code else { return indicator.fullCode }
        return indicator.code
    }

    /// Name of a Decree 30 (or framework-added) document type.
    package func documentTypeName(_ abbreviation: String) -> String? {
        DocumentType.name(of: abbreviation) ?? extraDocumentTypes.first(where: { $0.key.folded == abbreviation.folded })?.value
    }
}
