package import EvidenceVerification
import EvidenceModel
package import Foundation
import Yams

extension Framework {
    /// Loads and validates a framework file; a framework that does not validate is refused with
    /// the file, line and reason of its first problem.
    package static func load(contentsOf url: URL) throws(FrameworkError) -> Framework {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw FrameworkError(file: url.path, reason: "cannot read the file as UTF-8: \(error.localizedDescription)")
        }
        return try load(yaml: text, file: url.path)
    }

    /// Parses YAML text (`file` names it in errors).
    package static func load(yaml: String, file: String = "<framework>") throws(FrameworkError) -> Framework {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw FrameworkReader.yamlError(error, file: file)
        }
        guard let root else { throw FrameworkError(file: file, line: 1, column: 1, reason: "the file is empty") }
        var reader = FrameworkReader(file: file)
        return try reader.framework(root)
    }
}

/// Walks the composed YAML nodes, keeping their marks so every error points at a line.
struct FrameworkReader {
    let file: String
    var seenCodes: [String: Int] = [:]
    var offices: [String: String] = [:]
    var extraTypes: [String: String] = [:]
    var strictSums = false

    init(file: String) { self.file = file }

    static func yamlError(_ error: any Error, file: String) -> FrameworkError {
        if let yaml = error as? YamlError {
            switch yaml {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return FrameworkError(file: file, line: mark.line, column: mark.column, reason: "invalid YAML: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                return FrameworkError(file: file, line: context.mark.line, column: context.mark.column,
                                      reason: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
            default:
                return FrameworkError(file: file, reason: "invalid YAML: \(yaml)")
            }
        }
        return FrameworkError(file: file, reason: "invalid YAML: \(error)")
    }

    func fail(_ node: Node?, _ reason: String) -> FrameworkError {
        FrameworkError(file: file, line: node?.mark?.line, column: node?.mark?.column, reason: reason)
    }

    // MARK: Scalars

    /// The keys of a mapping, refusing keys outside `allowed` and repeated keys.
    func mapping(_ node: Node, _ what: String, allowed: Set<String>) throws(FrameworkError) -> [String: (key: Node, value: Node)] {
        guard case let .mapping(map) = node else { throw fail(node, "\(what) must be a mapping") }
        var out: [String: (key: Node, value: Node)] = [:]
        for (key, value) in map {
            guard let name = key.scalar?.string else { throw fail(key, "\(what): keys must be plain words") }
            guard allowed.contains(name) else {
                throw fail(key, "unknown key '\(name)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard out[name] == nil else { throw fail(key, "duplicate key '\(name)' in \(what)") }
            out[name] = (key, value)
        }
        return out
    }

    func string(_ node: Node, _ what: String) throws(FrameworkError) -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(what) must be text") }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw fail(node, "\(what) must not be empty") }
        return text.nfc
    }

    func points(_ node: Node, _ what: String) throws(FrameworkError) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)),
              value.isFinite else { throw fail(node, "\(what) must be a number") }
        guard value >= 0 else { throw fail(node, "\(what) must not be negative") }
        return value
    }

    func strings(_ node: Node, _ what: String) throws(FrameworkError) -> [String] {
        guard case let .sequence(sequence) = node else { throw fail(node, "\(what) must be a list") }
        var out: [String] = []
        for item in sequence { out.append(try string(item, "each entry of \(what)")) }
        return out
    }

    // MARK: Framework

    mutating func framework(_ root: Node) throws(FrameworkError) -> Framework {
        let keys = try mapping(root, "the framework", allowed: [
            "id", "name", "source", "levels", "max_points", "strict_sums", "default_section",
            "offices", "document_types", "unit_bodies", "sections", "indicators"])
        guard let id = keys["id"] else { throw fail(root, "missing key 'id'") }
        let identifier = try string(id.value, "id")
        guard identifier.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw fail(id.value, "id may hold only letters, digits, '-', '_' and '.'")
        }
        guard let name = keys["name"] else { throw fail(root, "missing key 'name'") }
        let source = try keys["source"].map { entry throws(FrameworkError) in try string(entry.value, "source") }

        guard let levelsEntry = keys["levels"] else { throw fail(root, "missing key 'levels' (province, department, district, commune)") }
        var levels: [Submission.Level] = []
        for word in try strings(levelsEntry.value, "levels") {
            guard let level = Submission.Level(rawValue: word) else {
                throw fail(levelsEntry.value, "unknown level '\(word)' (province, department, district, commune)")
            }
            levels.append(level)
        }
        guard !levels.isEmpty else { throw fail(levelsEntry.value, "levels must not be empty") }

        let maxPoints = try keys["max_points"].map { entry throws(FrameworkError) in try points(entry.value, "max_points") }
        if let entry = keys["strict_sums"] {
            guard let flag = entry.value.bool else { throw fail(entry.value, "strict_sums must be true or false") }
            strictSums = flag
        }
        if let entry = keys["offices"] {
            let map = try freeMapping(entry.value, "offices")
            for (office, fullName) in map { offices[office] = fullName }
        }
        if let entry = keys["document_types"] {
            for (abbreviation, typeName) in try freeMapping(entry.value, "document_types") {
                extraTypes[abbreviation.nfc] = typeName
            }
        }

        let unitBodies = try keys["unit_bodies"].map { entry throws(FrameworkError) in try strings(entry.value, "unit_bodies") } ?? []
        var sections: [Framework.Section] = []
        switch (keys["sections"], keys["indicators"]) {
        case (nil, nil): throw fail(root, "missing key 'sections' or 'indicators'")
        case let (sectionsEntry?, nil):
            guard case let .sequence(list) = sectionsEntry.value, !list.isEmpty else {
                throw fail(sectionsEntry.value, "sections must be a non-empty list")
            }
            for node in list { sections.append(try section(node)) }
        case let (nil, indicatorsEntry?):
            let indicators = try children(indicatorsEntry.value, parentCode: nil, sectionCode: "", office: nil, "indicators")
            sections = [Framework.Section(code: "", indicators: indicators)]
        case let (_, indicatorsEntry?):
            throw fail(indicatorsEntry.key, "use either 'sections' or 'indicators', not both")
        }

        let defaultSection = try keys["default_section"].map { entry throws(FrameworkError) in
            let code = try string(entry.value, "default_section")
            guard sections.contains(where: { $0.code == code }) else {
                throw fail(entry.value, "default_section '\(code)' is not a section code")
            }
            return code
        }
        if let maxPoints, let entry = keys["max_points"] {
            let total = sections.reduce(0) { $0 + ($1.maxPoints ?? $1.indicators.reduce(0) { $0 + $1.maxPoints }) }
            try checkSum(total, of: "sections", against: maxPoints, at: entry.value, parent: "the framework")
        }
        return Framework(id: identifier, name: try string(name.value, "name"), source: source, levels: levels,
                         maxPoints: maxPoints, strictSums: strictSums, defaultSection: defaultSection,
                         offices: offices, extraDocumentTypes: extraTypes, unitBodies: unitBodies, sections: sections)
    }

    func freeMapping(_ node: Node, _ what: String) throws(FrameworkError) -> [(String, String)] {
        guard case let .mapping(map) = node else { throw fail(node, "\(what) must be a mapping") }
        var out: [(String, String)] = []
        var seen: Set<String> = []
        for (key, value) in map {
            let name = try string(key, "a key of \(what)")
            guard seen.insert(name).inserted else { throw fail(key, "duplicate key '\(name)' in \(what)") }
            out.append((name, try string(value, "\(what).\(name)")))
        }
        return out
    }

    func checkSum(_ sum: Double, of what: String, against limit: Double, at node: Node, parent: String) throws(FrameworkError) {
        let tolerance = 1e-9
        if sum > limit + tolerance {
            throw fail(node, "the \(what) of \(parent) sum to \(format(sum)), above its max_points \(format(limit))")
        }
        if strictSums && sum < limit - tolerance {
            throw fail(node, "the \(what) of \(parent) sum to \(format(sum)), below its max_points \(format(limit)) (strict_sums)")
        }
    }

    func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    mutating func section(_ node: Node) throws(FrameworkError) -> Framework.Section {
        let keys = try mapping(node, "a section", allowed: ["code", "name", "max_points", "office", "indicators"])
        guard let codeEntry = keys["code"] else { throw fail(node, "missing key 'code' in a section") }
        let code = try string(codeEntry.value, "section code")
        guard !code.contains("."), !code.contains(where: \.isWhitespace) else {
            throw fail(codeEntry.value, "section code '\(code)' must be one word without '.'")
        }
        guard seenCodes[code] == nil else {
            throw fail(codeEntry.value, "duplicate section code '\(code)' (first on line \(seenCodes[code] ?? 0))")
        }
        seenCodes[code] = codeEntry.value.mark?.line ?? 0
        let office = try keys["office"].map { entry throws(FrameworkError) in try officeID(entry.value) }
        let maxPoints = try keys["max_points"].map { entry throws(FrameworkError) in try points(entry.value, "max_points") }
        guard let list = keys["indicators"] else { throw fail(node, "missing key 'indicators' in section '\(code)'") }
        let indicators = try children(list.value, parentCode: nil, sectionCode: code, office: office, "indicators of section '\(code)'")
        if let maxPoints, let entry = keys["max_points"] {
            try checkSum(indicators.reduce(0) { $0 + $1.maxPoints }, of: "indicators", against: maxPoints,
                         at: entry.value, parent: "section '\(code)'")
        }
        return Framework.Section(code: code, name: try keys["name"].map { entry throws(FrameworkError) in try string(entry.value, "name") },
                                 maxPoints: maxPoints, office: office, indicators: indicators)
    }

    func officeID(_ node: Node) throws(FrameworkError) -> String {
        let id = try string(node, "office")
        guard offices[id] != nil else {
            let known = offices.keys.sorted().joined(separator: ", ")
            throw fail(node, "unknown office '\(id)' (declare it under 'offices'\(known.isEmpty ? "" : ": \(known)"))")
        }
        return id
    }

    mutating func children(_ node: Node, parentCode: String?, sectionCode: String, office: String?, _ what: String) throws(FrameworkError) -> [Indicator] {
        guard case let .sequence(list) = node, !list.isEmpty else { throw fail(node, "\(what) must be a non-empty list") }
        var out: [Indicator] = []
        for item in list {
            out.append(try indicator(item, parentCode: parentCode, sectionCode: sectionCode, inheritedOffice: office))
        }
        return out
    }

    mutating func indicator(_ node: Node, parentCode: String?, sectionCode: String, inheritedOffice: String?) throws(FrameworkError) -> Indicator {
        let keys = try mapping(node, "an indicator", allowed: ["code", "name", "max_points", "office", "note", "evidence", "children"])
        guard let codeEntry = keys["code"] else { throw fail(node, "missing key 'code' in an indicator") }
        let code = try string(codeEntry.value, "code")
        guard !code.contains(where: \.isWhitespace), !code.hasPrefix("."), !code.hasSuffix("."), !code.contains("..") else {
            throw fail(codeEntry.value, "code '\(code)' must be dot-separated parts without spaces")
        }
        if let parentCode {
            guard code.hasPrefix(parentCode + "."), !code.dropFirst(parentCode.count + 1).contains(".") else {
                throw fail(codeEntry.value, "code '\(code)' must be '\(parentCode).' followed by one part, under its parent \(parentCode)")
            }
        } else if code.contains(".") {
            throw fail(codeEntry.value, "top-level code '\(code)' must be a single part (its children extend it)")
        }
        let fullCode = sectionCode.isEmpty ? code : sectionCode + "." + code
        if let first = seenCodes[fullCode] {
            throw fail(codeEntry.value, "duplicate code '\(fullCode)' (first on line \(first))")
        }
        seenCodes[fullCode] = codeEntry.value.mark?.line ?? 0

        guard let nameEntry = keys["name"] else { throw fail(node, "missing key 'name' in indicator \(fullCode)") }
        guard let pointsEntry = keys["max_points"] else { throw fail(node, "missing key 'max_points' in indicator \(fullCode)") }
        let maxPoints = try points(pointsEntry.value, "max_points of \(fullCode)")
        let office = try keys["office"].map { entry throws(FrameworkError) in try officeID(entry.value) } ?? inheritedOffice
        let note = try keys["note"].map { entry throws(FrameworkError) in try string(entry.value, "note") }
        let rule = try keys["evidence"].map { entry throws(FrameworkError) in try evidenceRule(entry.value, maxPoints: maxPoints, code: fullCode) }

        var children: [Indicator] = []
        if let childEntry = keys["children"] {
            children = try self.children(childEntry.value, parentCode: code, sectionCode: sectionCode, office: office, "children of \(fullCode)")
            try checkSum(children.reduce(0) { $0 + $1.maxPoints }, of: "children", against: maxPoints,
                         at: pointsEntry.value, parent: fullCode)
        }
        return Indicator(code: code, fullCode: fullCode, name: try string(nameEntry.value, "name"), maxPoints: maxPoints,
                         office: office, note: note, evidence: rule, children: children)
    }

    // MARK: Evidence rules

    func evidenceRule(_ node: Node, maxPoints: Double, code: String) throws(FrameworkError) -> EvidenceRule {
        let keys = try mapping(node, "the evidence of \(code)", allowed: [
            "kind", "description", "types", "issuer", "signer", "keywords", "keywords_all", "period", "count", "min_documents",
            "signed", "source"])
        var rule = EvidenceRule()
        if let entry = keys["kind"] {
            let word = try string(entry.value, "kind")
            guard let kind = EvidenceRule.Kind(rawValue: word) else { throw fail(entry.value, "unknown kind '\(word)' (document, report)") }
            rule.kind = kind
        }
        rule.description = try keys["description"].map { entry throws(FrameworkError) in try string(entry.value, "description") }
        if let entry = keys["types"] {
            guard case let .sequence(list) = entry.value else { throw fail(entry.value, "types must be a list") }
            for item in list {
                let word = try string(item, "a document type")
                if let known = DocumentType.canonical(word) {
                    rule.types.append(known)
                } else if let extra = extraTypes.keys.first(where: { $0.folded == word.folded }) {
                    rule.types.append(extra)
                } else {
                    throw fail(item, "unknown document type '\(word)' (Decree 30 abbreviations such as KH, QĐ, BB, BC, TB, CV; or declare it under 'document_types')")
                }
            }
        }
        if let entry = keys["issuer"] {
            if case .sequence = entry.value {
                let fragments = try strings(entry.value, "issuer")
                guard !fragments.isEmpty else { throw fail(entry.value, "issuer list must not be empty") }
                rule.issuer = .oneOf(fragments)
            } else {
                switch try string(entry.value, "issuer") {
                case "self": rule.issuer = .assessedUnit
                case "any": rule.issuer = .any
                case let other: throw fail(entry.value, "issuer must be self, any or a list of names (found '\(other)')")
                }
            }
        }
        if let entry = keys["signer"] {
            let word = try string(entry.value, "signer")
            guard let signer = EvidenceRule.SignerRule(rawValue: word) else { throw fail(entry.value, "signer must be head or any (found '\(word)')") }
            rule.signer = signer
        }
        if let entry = keys["signed"] {
            let word = try string(entry.value, "signed")
            guard let signed = EvidenceRule.SignedRule(rawValue: word) else { throw fail(entry.value, "signed must be required or any (found '\(word)')") }
            rule.signed = signed
        }
        if let entry = keys["keywords"] { rule.keywords = try keywordList(entry.value, "keywords") }
        if let entry = keys["keywords_all"] { rule.keywordsAll = try keywordList(entry.value, "keywords_all") }
        if let entry = keys["period"] {
            let word = try string(entry.value, "period")
            guard let period = EvidenceRule.PeriodRule(rawValue: word) else {
                throw fail(entry.value, "period must be within, before_end or any (found '\(word)')")
            }
            rule.period = period
        }
        if let entry = keys["count"] { rule.count = try countRule(entry.value, maxPoints: maxPoints) }
        if let entry = keys["min_documents"] {
            guard let value = entry.value.int, value >= 0 else { throw fail(entry.value, "min_documents must be a whole number ≥ 0") }
            rule.minDocuments = value
        }
        if let entry = keys["source"] { rule.source = try source(entry.value) }
        if rule.source == .assumption { rule.count?.source = .assumption }
        return rule
    }

    func source(_ node: Node) throws(FrameworkError) -> EvidenceRule.Source {
        let word = try string(node, "source")
        guard let source = EvidenceRule.Source(rawValue: word) else {
            throw fail(node, "source must be table or assumption (found '\(word)')")
        }
        return source
    }

    func keywordList(_ node: Node, _ what: String) throws(FrameworkError) -> [String] {
        let list = try strings(node, what)
        for word in list where word.split(separator: "|").contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw fail(node, "\(what): '\(word)' has an empty alternative")
        }
        return list
    }

    func countRule(_ node: Node, maxPoints: Double) throws(FrameworkError) -> EvidenceRule.CountRule {
        let keys = try mapping(node, "count", allowed: ["per_document", "cap", "deputy_per_document", "deputy_cap", "source"])
        guard let per = keys["per_document"] else { throw fail(node, "count needs 'per_document'") }
        let perDocument = try points(per.value, "per_document")
        guard perDocument > 0 else { throw fail(per.value, "per_document must be above 0") }
        var rule = EvidenceRule.CountRule(perDocument: perDocument)
        if let entry = keys["cap"] {
            let cap = try points(entry.value, "cap")
            guard cap <= maxPoints + 1e-9 else { throw fail(entry.value, "cap \(format(cap)) is above the indicator's max_points \(format(maxPoints))") }
            rule.cap = cap
        }
        if let entry = keys["deputy_per_document"] {
            let value = try points(entry.value, "deputy_per_document")
            guard value > 0 else { throw fail(entry.value, "deputy_per_document must be above 0") }
            rule.deputyPerDocument = value
        }
        if let entry = keys["deputy_cap"] {
            guard rule.deputyPerDocument != nil else { throw fail(entry.key, "deputy_cap needs deputy_per_document") }
            let cap = try points(entry.value, "deputy_cap")
            guard cap <= maxPoints + 1e-9 else { throw fail(entry.value, "deputy_cap \(format(cap)) is above the indicator's max_points \(format(maxPoints))") }
            rule.deputyCap = cap
        }
        if let entry = keys["source"] { rule.source = try source(entry.value) }
        return rule
    }
}
