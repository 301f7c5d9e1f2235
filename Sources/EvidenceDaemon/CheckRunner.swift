package import EvidenceExtraction
package import EvidenceModel
package import EvidenceStore
package import EvidenceLoading
import EvidenceVerification
package import Foundation

/// `evidenced check`: submission folders checked as one batch, against each other and against what
/// the store holds. A dry run by default (the units' pre-check); given a `recorder` (`--submit`) the
/// submissions are recorded the daemon's way (files into the content store, `SubmissionRecorder`)
/// and their flags queued.
package struct CheckRunner: Sendable {
    package var catalog: FrameworkCatalog
    package var extractor: any DocumentExtracting
    package var store: Store?
    package var recorder: SubmissionRecorder?

    /// A dry run reading `store` (nil: no store yet).
    package init(catalog: FrameworkCatalog, extractor: any DocumentExtracting, store: Store?) {
        self.catalog = catalog; self.extractor = extractor; self.store = store; self.recorder = nil
    }

    /// Records into `recorder`'s store and content store.
    package init(catalog: FrameworkCatalog, extractor: any DocumentExtracting, recorder: SubmissionRecorder) {
        self.catalog = catalog; self.extractor = extractor; self.store = recorder.store; self.recorder = recorder
    }

    package var submit: Bool { recorder != nil }

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
                let revision = try record(loaded)
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

    /// The recorded revision; nil on a dry run.
    private func record(_ loaded: LoadedSubmission) throws -> Int? {
        guard let recorder else { return nil }
        _ = try recorder.record(loaded, unpackingBeside: FileManager.default.temporaryDirectory)
        return try recorder.store.submission(id: loaded.submission.submission)?.revision
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
