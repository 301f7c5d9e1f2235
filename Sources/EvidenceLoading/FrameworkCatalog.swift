package import EvidenceVerification
package import Foundation

/// The frameworks of a directory (models/frameworks), by id. Every file must validate and its
/// id must be its file name, so `--framework ID` and `submission.json` name files predictably.
package struct FrameworkCatalog: Sendable {
    package private(set) var frameworks: [String: Framework]

    package init(_ frameworks: [Framework]) {
        self.frameworks = Dictionary(frameworks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Loads every *.yaml / *.yml file of `directory`.
    package static func load(directory: URL) throws(FrameworkError) -> FrameworkCatalog {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path) } catch {
            throw FrameworkError(file: directory.path, reason: "cannot list the frameworks directory: \(error.localizedDescription)")
        }
        var loaded: [Framework] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let url = directory.appendingPathComponent(name)
            let framework = try Framework.load(contentsOf: url)
            let stem = url.deletingPathExtension().lastPathComponent
            guard framework.id == stem else {
                throw FrameworkError(file: url.path, reason: "id '\(framework.id)' must equal the file name '\(stem)'")
            }
            if loaded.contains(where: { $0.id == framework.id }) {
                throw FrameworkError(file: url.path, reason: "a framework with id '\(framework.id)' is already loaded")
            }
            loaded.append(framework)
        }
        return FrameworkCatalog(loaded)
    }

    package subscript(id: String) -> Framework? { frameworks[id] }
    package var ids: [String] { frameworks.keys.sorted() }
}
