package import EvidenceVerification
package import EvidenceModel
package import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A submission read from its folder, with the framework it names.
package struct LoadedSubmission: Sendable {
    package var submission: Submission
    package var framework: Framework
    /// The folder, symlinks resolved.
    package var directory: URL

    package init(submission: Submission, framework: Framework, directory: URL) {
        self.submission = submission; self.framework = framework; self.directory = directory
    }

    /// The evidence files named by the claims, each once, in order of appearance.
    package var evidenceFiles: [String] {
        var seen: Set<String> = []
        return submission.claims.flatMap(\.evidence).map(\.file).filter { seen.insert($0).inserted }
    }

    /// Where an evidence file named in the submission lives.
    package func url(of file: String) -> URL { directory.appendingPathComponent(file) }
}

/// Reads DIR/submission.json into a `Submission`, refusing anything malformed with a clear error.
package struct SubmissionLoader: Sendable {
    package static let manifestName = "submission.json"
    package var catalog: FrameworkCatalog

    package init(catalog: FrameworkCatalog) { self.catalog = catalog }

    package func load(directory: URL) throws(SubmissionError) -> LoadedSubmission {
        let folder = URL(fileURLWithPath: PathSafety.resolved(directory.path))
        let manifest = folder.appendingPathComponent(Self.manifestName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SubmissionError(file: directory.path, reason: "not a folder")
        }
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            var error = SubmissionError(file: manifest.path, reason: "missing or unreadable \(Self.manifestName)")
            // There but not readable now (EIO, a file system gone away): tried again later.
            error.isPassing = FileManager.default.fileExists(atPath: manifest.path) && access(manifest.path, R_OK) == 0
            throw error
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SubmissionError(file: manifest.path, reason: "not UTF-8 text")
        }
        return try decode(json: text, file: manifest.path, directory: folder)
    }

    /// Decodes manifest text; with `directory`, evidence paths are also checked against symlinks.
    package func decode(json text: String, file: String = SubmissionLoader.manifestName, directory: URL? = nil) throws(SubmissionError) -> LoadedSubmission {
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch {
            throw SubmissionError(file: file, line: error.line, column: error.column, reason: "malformed JSON: \(error.reason)")
        }
        let reader = ManifestReader(file: file)
        let submission = try reader.submission(root)

        guard let framework = catalog[submission.framework] else {
            let known = catalog.ids.joined(separator: ", ")
            throw SubmissionError(file: file, field: "framework",
                                  reason: "unknown framework '\(submission.framework)'\(known.isEmpty ? "" : " (known: \(known))")")
        }
        guard framework.levels.contains(submission.unit.level) else {
            throw SubmissionError(file: file, field: "unit.level",
                                  reason: "framework \(framework.id) assesses \(framework.levels.map(\.rawValue).joined(separator: ", ")) units, not \(submission.unit.level.rawValue)")
        }
        for (index, claim) in submission.claims.enumerated() where framework.indicator(claim.indicator) == nil {
            throw SubmissionError(file: file, field: "claims[\(index)].indicator",
                                  reason: "unknown indicator '\(claim.indicator)' in framework \(framework.id)")
        }
        if let directory {
            for (index, claim) in submission.claims.enumerated() {
                for (position, item) in claim.evidence.enumerated() {
                    if let problem = PathSafety.escape(of: item.file, in: directory) {
                        throw SubmissionError(file: file, field: "claims[\(index)].evidence[\(position)].file", reason: problem)
                    }
                }
            }
        }
        return LoadedSubmission(submission: submission, framework: framework,
                                directory: directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}

/// Field-by-field reading of the manifest, naming the path of each problem.
struct ManifestReader {
    let file: String

    func fail(_ field: String, _ reason: String) -> SubmissionError {
        SubmissionError(file: file, field: field, reason: reason)
    }

    func object(_ value: JSONValue?, _ field: String) throws(SubmissionError) -> JSONValue {
        guard let value else { throw fail(field, "missing") }
        guard case .object = value else { throw fail(field, "must be an object, found \(value.kindName)") }
        return value
    }

    func text(_ value: JSONValue?, _ field: String) throws(SubmissionError) -> String {
        guard let value else { throw fail(field, "missing") }
        guard case let .string(text) = value else { throw fail(field, "must be text, found \(value.kindName)") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw fail(field, "must not be empty") }
        return trimmed.nfc
    }

    func optionalText(_ value: JSONValue?, _ field: String) throws(SubmissionError) -> String? {
        guard let value, value != .null else { return nil }
        return try text(value, field)
    }

    func date(_ value: JSONValue?, _ field: String) throws(SubmissionError) -> String {
        let raw = try text(value, field)
        guard ISODate(raw) != nil else { throw fail(field, "'\(raw)' is not an ISO date (yyyy-MM-dd)") }
        return raw
    }

    func list(_ value: JSONValue?, _ field: String) throws(SubmissionError) -> [JSONValue] {
        guard let value else { throw fail(field, "missing") }
        guard case let .array(items) = value else { throw fail(field, "must be a list, found \(value.kindName)") }
        return items
    }

    func submission(_ root: JSONValue) throws(SubmissionError) -> Submission {
        guard case .object = root else { throw fail("(top level)", "must be an object, found \(root.kindName)") }
        let id = try text(root["submission"], "submission")
        let unitValue = try object(root["unit"], "unit")
        let levelText = try text(unitValue["level"], "unit.level")
        guard let level = Submission.Level(rawValue: levelText) else {
            throw fail("unit.level", "'\(levelText)' is not one of province, department, district, commune")
        }
        var bodies: [String]?
        if let value = unitValue["bodies"], value != .null {
            bodies = []
            for (index, item) in try list(value, "unit.bodies").enumerated() {
                bodies?.append(try text(item, "unit.bodies[\(index)]"))
            }
        }
        let unit = Submission.Unit(code: try text(unitValue["code"], "unit.code"),
                                   name: try text(unitValue["name"], "unit.name"), level: level, bodies: bodies)
        let framework = try text(root["framework"], "framework")
        let periodValue = try object(root["period"], "period")
        let from = try date(periodValue["from"], "period.from")
        let to = try date(periodValue["to"], "period.to")
        guard let start = ISODate(from), let end = ISODate(to), start <= end else {
            throw fail("period", "from \(from) is after to \(to)")
        }
        var claims: [Submission.Claim] = []
        for (index, value) in try list(root["claims"], "claims").enumerated() {
            claims.append(try claim(value, "claims[\(index)]"))
        }
        var precheck: Bool?
        if let value = root["precheck"], value != .null {
            guard case let .bool(flag) = value else { throw fail("precheck", "must be true or false, found \(value.kindName)") }
            precheck = flag ? true : nil
        }
        return Submission(submission: id, unit: unit, framework: framework, period: .init(from: from, to: to), claims: claims,
                          precheck: precheck)
    }

    func claim(_ value: JSONValue, _ field: String) throws(SubmissionError) -> Submission.Claim {
        _ = try object(value, field)
        let indicator = try text(value["indicator"], "\(field).indicator")
        guard let scoreValue = value["score"] else { throw fail("\(field).score", "missing") }
        guard case let .number(score) = scoreValue else { throw fail("\(field).score", "must be a number, found \(scoreValue.kindName)") }
        guard score >= 0 else { throw fail("\(field).score", "must not be negative (found \(score))") }
        var evidence: [Submission.Evidence] = []
        if let items = value["evidence"], items != .null {
            for (index, item) in try list(items, "\(field).evidence").enumerated() {
                evidence.append(try self.evidence(item, "\(field).evidence[\(index)]"))
            }
        }
        return Submission.Claim(indicator: indicator, score: score, evidence: evidence)
    }

    func evidence(_ value: JSONValue, _ field: String) throws(SubmissionError) -> Submission.Evidence {
        _ = try object(value, field)
        let path = try text(value["file"], "\(field).file")
        if let problem = PathSafety.problem(of: path) { throw fail("\(field).file", problem) }
        let date = try optionalText(value["date"], "\(field).date")
        if let date, ISODate(date) == nil { throw fail("\(field).date", "'\(date)' is not an ISO date (yyyy-MM-dd)") }
        return Submission.Evidence(file: path, number: try optionalText(value["number"], "\(field).number"),
                                   date: date, signer: try optionalText(value["signer"], "\(field).signer"))
    }
}
