package import EvidenceExtraction
package import EvidenceLoading
import EvidenceModel
import EvidenceParsing
package import EvidenceStore
package import EvidenceVerification
import Foundation

/// Turns a submission's evidence files into facts the checker reads: each content extracted and
/// parsed once (per batch, and across runs through the store), missing and unreadable files kept
/// as such.
package actor EvidenceResolver {
    private let extractor: any DocumentExtracting
    private let store: Store?
    /// Whether extracted documents are written to the store (`check --submit`, the daemon).
    private let saves: Bool
    private let parser = DocumentParser()
    private var known: [String: (ExtractedDocument?, DocumentFields?, ExtractionFailure?)] = [:]
    /// Each file is hashed once per batch.
    private var digestByPath: [String: String] = [:]

    package init(extractor: any DocumentExtracting, store: Store?, saves: Bool) {
        self.extractor = extractor; self.store = store; self.saves = saves
    }

    /// Facts for every evidence file the submission names, keyed by its path in the manifest.
    package func facts(for loaded: LoadedSubmission) async -> [String: EvidenceFacts] {
        var facts: [String: EvidenceFacts] = [:]
        for file in loaded.evidenceFiles where facts[file] == nil {
            let url = loaded.url(of: file)
            facts[file] = FileSniffer.isArchive(fileAt: url) ? await archiveFact(file: file, url: url) : await fact(file: file, url: url)
        }
        return facts
    }

    /// A `.zip` given as one evidence item: the facts of each file inside, or the archive's refusal.
    private func archiveFact(file: String, url: URL) async -> EvidenceFacts {
        guard let sha256 = digest(of: url) else { return EvidenceFacts(file: file, sha256: "") }
        let scratch = EvidenceArchive.scratch(beside: FileManager.default.temporaryDirectory)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let members: [EvidenceArchive.Member]
        do { members = try EvidenceArchive.unpack(url, item: file, into: scratch) } catch let refusal as ExtractionFailure {
            if saves { try? store?.markDocument(sha256: sha256, state: .failed, failure: refusal) }
            return EvidenceFacts(file: file, sha256: sha256, failure: refusal)
        } catch {
            // A fault of this machine (a full scratch disk), not of the archive: said, never recorded.
            return EvidenceFacts(file: file, sha256: sha256,
                                 failure: ExtractionFailure(.unreadableFile, "The archive could not be unpacked on this machine: \(error)."))
        }
        var facts: [EvidenceFacts] = []
        for member in members {
            if let refusal = member.refusal {
                facts.append(EvidenceFacts(file: member.path, sha256: (try? ContentDigest.sha256(fileAt: member.url)) ?? "", failure: refusal))
            } else {
                facts.append(await fact(file: member.path, url: member.url))
            }
        }
        return EvidenceFacts(archive: file, sha256: sha256, members: facts)
    }

    private func digest(of url: URL) -> String? {
        if let known = digestByPath[url.path] { return known }
        guard FileManager.default.fileExists(atPath: url.path), let digest = try? ContentDigest.sha256(fileAt: url) else { return nil }
        digestByPath[url.path] = digest
        return digest
    }

    private func fact(file: String, url: URL) async -> EvidenceFacts {
        guard let sha256 = digest(of: url) else {
            return EvidenceFacts(file: file, sha256: "")
        }
        let (document, fields, failure) = await resolve(sha256: sha256, url: url)
        return EvidenceFacts(file: file, sha256: sha256, document: document, fields: fields, failure: failure)
    }

    private func resolve(sha256: String, url: URL) async -> (ExtractedDocument?, DocumentFields?, ExtractionFailure?) {
        if let cached = known[sha256] { return cached }
        if let stored = try? store?.document(sha256: sha256), stored.state == .parsed, let extracted = stored.extracted {
            let resolved = (Optional(extracted), stored.fields ?? parser.parseDocuments(extracted.perPage), ExtractionFailure?.none)
            known[sha256] = resolved
            return resolved
        }
        let resolved: (ExtractedDocument?, DocumentFields?, ExtractionFailure?)
        do {
            // As the daemon's pipeline does: the hand-filled blanks the parser abstained on are read
            // again from their crops, so `check` confirms a declared hand-filled number or day as
            // the daemon does (it read none before, and asked for review on every one).
            let parsed = try await extractor.extractAndParse(fileAt: url)
            if saves { try? store?.saveDocument(parsed.document, fields: parsed.fields) }
            resolved = (parsed.document, parsed.fields, nil)
        } catch {
            if saves { try? store?.markDocument(sha256: sha256, state: .failed, failure: error) }
            resolved = (nil, nil, error)
        }
        known[sha256] = resolved
        return resolved
    }
}
