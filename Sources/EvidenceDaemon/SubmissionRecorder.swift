import CoreFoundation
import CDispatch  // where this toolchain's module map puts `struct stat`
import EvidenceExtraction
package import EvidenceLoading
import EvidenceModel
package import EvidenceService
package import EvidenceStore
package import Foundation
package import Logging

/// The one way a submission is recorded, whichever way it came in (the daemon's inbox, `evidenced
/// check --submit`): every evidence file copied into the content store (a `.zip` item's files each
/// as `ITEM/PATH`), the manifest too, then the submission recorded with its files and their sizes in
/// one transaction. The originals are then in the content store, so page images, region crops and
/// resubmissions work the same for both.
package struct SubmissionRecorder: Sendable {
    package var store: Store
    package var contents: ContentStore
    package var logger: Logger

    package init(store: Store, contents: ContentStore, logger: Logger) {
        self.store = store; self.contents = contents; self.logger = logger
    }

    /// Records `loaded`; `scratch` is a folder beside which an evidence archive is unpacked (on the
    /// same file system as the upload, so its files are not copied across disks twice).
    package func record(_ loaded: LoadedSubmission, unpackingBeside scratch: URL) throws -> SubmissionChange {
        try refuseLinks(in: loaded.directory, files: loaded.evidenceFiles)
        var files: [String: String] = [:]
        for file in loaded.evidenceFiles where FileManager.default.fileExists(atPath: loaded.url(of: file).path) {
            let url = loaded.url(of: file)
            if FileSniffer.isArchive(fileAt: url) {
                try putArchive(url, item: file, beside: scratch, into: &files)
            } else {
                files[file] = try contents.put(fileAt: url)
            }
        }
        let manifest = try contents.put(fileAt: loaded.directory.appendingPathComponent(SubmissionLoader.manifestName))
        let bytes = Dictionary(files.values.map { ($0, contents.size(of: $0)) }) { first, _ in first }
        return try store.recordSubmission(loaded.submission, manifestSHA256: manifest, files: files, bytes: bytes)
    }

    /// A `.zip` given as one evidence item: each file inside is stored as `ITEM/PATH`. A refused
    /// archive (or an archive inside it) is stored as itself, already failed with the reason, so the
    /// claim says why and nothing else of the submission is lost.
    private func putArchive(_ url: URL, item: String, beside place: URL, into files: inout [String: String]) throws {
        let scratch = EvidenceArchive.scratch(beside: place)
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            for member in try EvidenceArchive.unpack(url, item: item, into: scratch) {
                let sha256 = try contents.put(fileAt: member.url)
                if let refusal = member.refusal { try store.markDocument(sha256: sha256, state: .failed, failure: refusal) }
                files[member.path] = sha256
            }
        } catch let refusal as ExtractionFailure {
            logger.warning("evidence archive refused", metadata: ["file": "\(item)", "reason": "\(refusal.message)"])
            let sha256 = try contents.put(fileAt: url)
            try store.markDocument(sha256: sha256, state: .failed, failure: refusal)
            files[item] = sha256
        }
    }

    /// Evidence reached through a symbolic link could be anything on the machine: refused.
    private func refuseLinks(in folder: URL, files: [String]) throws {
        for file in files {
            var info = stat()
            if lstat(folder.appendingPathComponent(file).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                throw SubmissionError(file: file, reason: "is a symbolic link; upload the file itself")
            }
        }
    }
}
