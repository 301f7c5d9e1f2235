package import EvidenceExtraction
package import EvidenceModel
package import EvidenceStore
package import EvidenceLoading
import EvidenceVerification
package import Foundation

/// `evidenced check`: submission folders checked as one batch, against each other and against what
/// the store holds. A dry run by default (the units' pre-check); with `submit` the submissions and
/// their flags are recorded and queued, as the daemon does.
package struct CheckRunner: Sendable {
    package var catalog: FrameworkCatalog
    package var extractor: any DocumentExtracting
    package var store: Store?
    package var submit: Bool

    package init(catalog: FrameworkCatalog, extractor: any DocumentExtracting, store: Store?, submit: Bool) {
        self.catalog = catalog; self.extractor = extractor; self.store = store; self.submit = submit
    }

    /// One outcome per folder, in the order given.
    package enum Outcome: Sendable {
        case checked(SubmissionResult)
        case failed(directory: String, message: String)
    }

    package func run(directories: [URL]) async -> [Outcome] {
        let resolver = EvidenceResolver(extractor: extractor, store: store, saves: submit)
        let loader = SubmissionLoader(catalog: catalog)
        var outcomes: [Int: Outcome] = [:]
        var items: [(position: Int, item: BatchVerification.Item, revision: Int?)] = []
        for (position, directory) in directories.enumerated() {
            do {
                let loaded = try loader.load(directory: directory)
                // Recorded (and its files queued) before anything is acted on.
                let revision = submit ? try await record(loaded, resolver: resolver) : nil
                items.append((position, .init(loaded: loaded, facts: await resolver.facts(for: loaded)), revision))
            } catch {
                outcomes[position] = .failed(directory: directory.path, message: "\(error)")
            }
        }
        let results: [SubmissionResult]
        do {
            results = try BatchVerification.results(for: items.map(\.item), stored: BatchVerification.storedEvidence(in: store))
        } catch {
            // Without the store's evidence no result is final: every checked folder is an error.
            for entry in items { outcomes[entry.position] = .failed(directory: entry.item.loaded.directory.path, message: "\(error)") }
            return directories.indices.compactMap { outcomes[$0] }
        }
        for (entry, result) in zip(items, results) {
            do {
                // Marks the submission checked in the same transaction.
                if submit, let store { _ = try store.recordResult(result, revision: entry.revision) }
                outcomes[entry.position] = .checked(result)
            } catch {
                outcomes[entry.position] = .failed(directory: entry.item.loaded.directory.path, message: "\(error)")
            }
        }
        if submit, let store {
            do { try BatchVerification.requeueOtherSides(of: items.map(\.item), in: store) } catch {
                for entry in items { outcomes[entry.position] = .failed(directory: entry.item.loaded.directory.path, message: "\(error)") }
            }
        }
        return directories.indices.compactMap { outcomes[$0] }
    }

    private func record(_ loaded: LoadedSubmission, resolver: EvidenceResolver) async throws -> Int? {
        guard let store else { return nil }
        let manifest = loaded.directory.appendingPathComponent(SubmissionLoader.manifestName)
        let digest = try ContentDigest.sha256(fileAt: manifest)
        let files = await resolver.digests(for: loaded)
        _ = try store.recordSubmission(loaded.submission, manifestSHA256: digest, files: files)
        return try store.submission(id: loaded.submission.submission)?.revision
    }
}

extension CheckRunner.Outcome {
    /// The exit status of a whole run: 2 on any error, else 1 when anything is flagged, else 0.
    package static func exitStatus(_ outcomes: [CheckRunner.Outcome]) -> Int32 {
        var status: Int32 = 0
        for outcome in outcomes {
            switch outcome {
            case .failed: return 2
            case .checked(let result) where result.flagCount > 0: status = 1
            case .checked: break
            }
        }
        return status
    }
}
