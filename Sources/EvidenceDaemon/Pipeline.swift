package import EvidenceExtraction
package import EvidenceModel
package import EvidenceLoading
import EvidenceParsing
package import EvidenceStore
import EvidenceVerification
package import Foundation
package import Logging
import ServiceLifecycle
package import EvidenceService

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
    /// Uploads and documents waiting after a passing fault, with their back-off.
    package var retries: RetryBook
    /// This node's claims on documents and submissions (`Store+Claims.swift`); other nodes on the
    /// same store never take what it holds until the lease expires.
    package var lease: Lease
    package var logger: Logger

    package init(store: Store, contents: ContentStore, catalog: FrameworkCatalog, extractor: any DocumentExtracting,
                scanner: InboxScanner, intake: Intake, concurrency: Int, retries: RetryBook = RetryBook(file: nil),
                lease: Lease = .unshared, logger: Logger) {
        self.store = store; self.contents = contents; self.catalog = catalog; self.extractor = extractor
        self.scanner = scanner; self.intake = intake; self.concurrency = max(1, concurrency); self.retries = retries
        self.lease = lease; self.logger = logger
    }

    /// Takes every complete upload of the inbox (folders and `.zip` archives); returns what
    /// happened to each. An upload kept after a passing fault waits out its back-off first.
    @discardableResult
    package func takeReadyUploads(now: Date = Date(), waitForStability: Bool = true) -> [Intake.Outcome] {
        scanner.readyFolders(now: now, waitForStability: waitForStability).compactMap { upload in
            let key = "inbox/" + upload.lastPathComponent
            guard retries.isDue(key, now: now) else { return nil }
            defer { scanner.forget(upload) }
            let outcome = InboxScanner.isArchive(name: upload.lastPathComponent, path: upload.path)
                ? intake.takeArchive(upload) : intake.take(upload)
            if case .deferred(let reason) = outcome {
                let delay = retries.failed(key, kind: "upload", reason: reason, now: now)
                logger.notice("upload retried later", metadata: ["upload": "\(upload.lastPathComponent)", "in": "\(Int(delay)) s"])
            } else {
                retries.succeeded(key)
            }
            return outcome
        }
    }

    /// Extracts queued documents, `concurrency` at a time, taking the next one as soon as a slot is
    /// free (a long scan never idles the other workers), until the queue is empty or the daemon is
    /// stopping; returns how many were extracted.
    package func extractQueued() async throws -> Int {
        // After a passing fault, the whole loop waits out the back-off: a busy store or a full disk
        // is everyone's, and retrying at once would only spin.
        if let wait = retries.waiting.filter({ $0.kind == "document" }).map(\.nextTry).max(), wait > Date() { return 0 }
        // Nothing of this node is in flight here: a document it left `extracting` by a save or a
        // state change that failed goes back to the queue instead of waiting for its lease to expire.
        if try store.requeueStrandedDocuments(node: lease.node) > 0 {
            logger.notice("documents left extracting after a failed save are queued again")
        }
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            var inFlight = 0, done = 0, faulted = false
            func fill() throws {
                // After a passing fault the pass takes nothing more: what is in flight finishes, and
                // the next pass waits out the back-off.
                guard !faulted, !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
                for sha256 in try store.takeQueuedDocuments(limit: concurrency - inFlight, lease: lease) {
                    group.addTask { await extract(sha256) }
                    inFlight += 1
                }
            }
            try fill()
            while inFlight > 0, let saved = try await group.next() {
                inFlight -= 1
                if saved { done += 1 } else { faulted = true }
                try fill()
            }
            return done
        }
    }

    /// Extracts one document and records the outcome; false when a passing fault kept it from
    /// being recorded (the document is queued again).
    private func extract(_ sha256: String) async -> Bool {
        do {
            let parsed = try await extractor.extractAndParse(fileAt: contents.url(of: sha256))
            var document = parsed.document
            document.file = sha256
            try store.saveDocument(document, fields: parsed.fields, lease: lease)
            logger.info("document extracted", metadata: ["sha256": "\(sha256.prefix(12))", "pages": "\(document.pages)"])
            retries.succeeded("document/" + sha256)
            return true
        } catch let failure as ExtractionFailure {
            // Handed back, not failed, when the daemon is stopping: another node, or this one at its
            // next start, takes it again.
            if Task.isCancelled { try? store.markDocument(sha256: sha256, state: .queued, lease: lease); return true }
            do {
                try store.markDocument(sha256: sha256, state: .failed, failure: failure, lease: lease)
                logger.warning("document unreadable", metadata: ["sha256": "\(sha256.prefix(12))", "reason": "\(failure)"])
                retries.succeeded("document/" + sha256)
                return true
            } catch StoreError.leaseLost {
                leaseLost(sha256)
                return true
            } catch {
                passingFault(sha256, error)
                return false
            }
        } catch StoreError.leaseLost {
            leaseLost(sha256)
            return true
        } catch {
            passingFault(sha256, error)
            return false
        }
    }

    /// This node was away longer than its lease (a stalled store, a cut network) and another node
    /// claimed the document meanwhile: that node's result stands, this one is dropped.
    private func leaseLost(_ sha256: String) {
        logger.warning("document result dropped: its lease passed to another node", metadata: ["sha256": "\(sha256.prefix(12))"])
    }

    /// The document was read but its result could not be recorded (a busy store, a full disk):
    /// it goes back to the queue (or, if even that fails, the next pass puts it back), and the
    /// extraction loop backs off before taking more.
    private func passingFault(_ sha256: String, _ error: any Error) {
        let delay = retries.failed("document/" + sha256, kind: "document", reason: "\(error)")
        logger.error("document not saved; queued again", metadata: ["sha256": "\(sha256.prefix(12))", "error": "\(error)",
                                                                   "retry in": "\(Int(delay)) s"])
        try? store.markDocument(sha256: sha256, state: .queued, lease: lease)
    }

    /// Checks every submission whose documents are all extracted (or failed), claiming each under
    /// this node's lease first (another node checks the others); returns the results. A store error
    /// stops the pass and propagates: the submission is given back, ready, and checked again.
    package func checkReady() throws -> [SubmissionResult] {
        var results: [SubmissionResult] = []
        while let id = try store.claimReadySubmissions(limit: 1, lease: lease).first {
            do {
                if let result = try check(id) { results.append(result) }
            } catch {
                try? store.releaseSubmission(id: id, lease: lease)
                throw error
            }
        }
        return results
    }

    /// Checks one claimed submission and records its result; nil when nothing was recorded.
    private func check(_ id: String) throws -> SubmissionResult? {
        guard let stored = try store.submission(id: id) else { return nil }
        guard let framework = catalog[stored.submission.framework] else {
            try store.setSubmissionState(id: id, .failed, reason: "unknown framework '\(stored.submission.framework)'")
            try store.releaseSubmission(id: id, lease: lease)
            return nil
        }
        let documents = try store.documents(ofSubmission: id)
        let loaded = LoadedSubmission(submission: stored.submission, framework: framework, directory: contents.root)
        let item = BatchVerification.Item(loaded: loaded, facts: Self.facts(for: loaded, documents: documents))
        guard let result = try BatchVerification.results(for: [item], stored: BatchVerification.storedEvidence(in: store)).first
        else { return nil }
        do {
            // Marks the submission checked and ends the lease in the same transaction.
            _ = try store.recordResult(result, revision: stored.revision, lease: lease)
        } catch StoreError.staleResult {
            // A newer upload arrived meanwhile: it is checked in its turn.
            logger.notice("result not recorded: the submission changed", metadata: ["submission": "\(id)"])
            try store.releaseSubmission(id: id, lease: lease)
            return nil
        } catch StoreError.leaseLost {
            logger.warning("result dropped: its lease passed to another node", metadata: ["submission": "\(id)"])
            return nil
        }
        // A pre-check accuses nobody: other units are not asked to look again.
        if !stored.submission.isPrecheck { try BatchVerification.requeueOtherSides(of: [item], in: store) }
        logger.info("submission checked", metadata: ["submission": "\(id)", "flags": "\(result.flagCount)"])
        return result
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
