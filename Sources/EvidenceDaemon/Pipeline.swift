package import EvidenceExtraction
package import EvidenceModel
package import EvidenceLoading
import EvidenceParsing
package import EvidenceStore
import EvidenceVerification
package import Foundation
package import Logging
import ServiceLifecycle

/// The daemon's three steps, each a short call the services loop over: take complete uploads,
/// extract queued documents, check submissions whose documents are all read. Every state change is
/// committed to the store before the next step acts on it.
package struct Pipeline: Sendable {
    package var store: Store
    package var contents: ContentStore
    package var catalog: FrameworkCatalog
    package var extractor: any DocumentExtracting
    package var scanner: InboxScanner
    package var intake: Intake
    /// Documents extracted at once (each in its own worker process).
    package var concurrency: Int
    package var logger: Logger

    package init(store: Store, contents: ContentStore, catalog: FrameworkCatalog, extractor: any DocumentExtracting,
                scanner: InboxScanner, intake: Intake, concurrency: Int, logger: Logger) {
        self.store = store; self.contents = contents; self.catalog = catalog; self.extractor = extractor
        self.scanner = scanner; self.intake = intake; self.concurrency = max(1, concurrency); self.logger = logger
    }

    /// Takes every complete upload of the inbox (folders and `.zip` archives); returns what
    /// happened to each.
    @discardableResult
    package func takeReadyUploads(now: Date = Date(), waitForStability: Bool = true) -> [Intake.Outcome] {
        scanner.readyFolders(now: now, waitForStability: waitForStability).map { upload in
            defer { scanner.forget(upload) }
            return InboxScanner.isArchive(name: upload.lastPathComponent, path: upload.path)
                ? intake.takeArchive(upload) : intake.take(upload)
        }
    }

    /// Extracts queued documents, `concurrency` at a time, taking the next one as soon as a slot is
    /// free (a long scan never idles the other workers), until the queue is empty or the daemon is
    /// stopping; returns how many were extracted.
    package func extractQueued() async throws -> Int {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0, done = 0
            func fill() throws {
                guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
                for sha256 in try store.takeQueuedDocuments(limit: concurrency - inFlight) {
                    group.addTask { await extract(sha256) }
                    inFlight += 1
                }
            }
            try fill()
            while inFlight > 0, try await group.next() != nil {
                inFlight -= 1; done += 1
                try fill()
            }
            return done
        }
    }

    private func extract(_ sha256: String) async {
        do {
            let parsed = try await extractor.extractAndParse(fileAt: contents.url(of: sha256))
            var document = parsed.document
            document.file = sha256
            try store.saveDocument(document, fields: parsed.fields)
            logger.info("document extracted", metadata: ["sha256": "\(sha256.prefix(12))", "pages": "\(document.pages)"])
        } catch let failure as ExtractionFailure {
            // Handed back, not failed, when the daemon is stopping: it is taken again at the next start.
            if Task.isCancelled { try? store.markDocument(sha256: sha256, state: .queued); return }
            try? store.markDocument(sha256: sha256, state: .failed, failure: failure)
            logger.warning("document unreadable", metadata: ["sha256": "\(sha256.prefix(12))", "reason": "\(failure)"])
        } catch {
            logger.error("document not saved", metadata: ["sha256": "\(sha256.prefix(12))", "error": "\(error)"])
        }
    }

    /// Checks every submission whose documents are all extracted (or failed); returns the results.
    /// A store error stops the pass and propagates: the submission stays ready and is checked again.
    package func checkReady() throws -> [SubmissionResult] {
        var results: [SubmissionResult] = []
        for id in try store.readySubmissions() {
            guard let stored = try store.submission(id: id) else { continue }
            guard let framework = catalog[stored.submission.framework] else {
                try store.setSubmissionState(id: id, .failed, reason: "unknown framework '\(stored.submission.framework)'")
                continue
            }
            let documents = try store.documents(ofSubmission: id)
            let loaded = LoadedSubmission(submission: stored.submission, framework: framework, directory: contents.root)
            let item = BatchVerification.Item(loaded: loaded, facts: Self.facts(for: loaded, documents: documents))
            guard let result = try BatchVerification.results(for: [item], stored: BatchVerification.storedEvidence(in: store)).first
            else { continue }
            do {
                // Marks the submission checked in the same transaction.
                _ = try store.recordResult(result, revision: stored.revision)
            } catch StoreError.staleResult {
                // A newer upload arrived meanwhile: it is checked in its turn.
                logger.notice("result not recorded: the submission changed", metadata: ["submission": "\(id)"])
                continue
            }
            // A pre-check accuses nobody: other units are not asked to look again.
            if !stored.submission.isPrecheck { try BatchVerification.requeueOtherSides(of: [item], in: store) }
            logger.info("submission checked", metadata: ["submission": "\(id)", "flags": "\(result.flagCount)"])
            results.append(result)
        }
        return results
    }

    /// What the checker knows of each evidence file, from the store.
    static func facts(for loaded: LoadedSubmission, documents: [String: StoredDocument]) -> [String: EvidenceFacts] {
        var facts: [String: EvidenceFacts] = [:]
        func fact(_ file: String, _ stored: StoredDocument) -> EvidenceFacts {
            let fields = stored.fields ?? stored.extracted.map { DocumentParser().parseDocuments($0.perPage) }
            return EvidenceFacts(file: file, sha256: stored.sha256, document: stored.extracted, fields: fields, failure: stored.failure)
        }
        for file in loaded.evidenceFiles {
            if let stored = documents[file] { facts[file] = fact(file, stored); continue }
            // An archive given as evidence was stored as its files, 'ITEM/PATH'.
            let members = documents.filter { $0.key.hasPrefix(file + "/") }.sorted { $0.key < $1.key }
            facts[file] = members.isEmpty ? EvidenceFacts(file: file, sha256: "")
                : EvidenceFacts(archive: file, sha256: "", members: members.map { fact($0.key, $0.value) })
        }
        return facts
    }

    /// Nothing left to extract or check.
    package func isIdle() throws -> Bool {
        try store.pendingDocuments(limit: 1).isEmpty && store.readySubmissions(limit: 1).isEmpty
    }
}
