package import EvidenceLoading
import EvidenceExtraction
import EvidenceModel
package import EvidenceStore
import EvidenceVerification
package import Foundation
package import Logging
package import EvidenceService

/// Takes a complete submission folder out of the inbox: every file is copied into the content store
/// and the submission recorded (its documents queued) in one transaction (`SubmissionRecorder`)
/// before the folder is removed, so an upload is never lost and a crash in between only means it is
/// taken again (and found unchanged).
package struct Intake: Sendable {
    package var store: Store
    package var contents: ContentStore
    package var loader: SubmissionLoader
    /// Where refused folders go, with a `REFUSED.txt` saying why.
    package var refused: URL
    package var logger: Logger
    var unpacker = ArchiveUnpacker()
    /// Copies the files into the content store and records the submission, as `check --submit` does.
    var recorder: SubmissionRecorder { SubmissionRecorder(store: store, contents: contents, logger: logger) }

    package init(store: Store, contents: ContentStore, loader: SubmissionLoader, refused: URL, logger: Logger) {
        self.store = store; self.contents = contents; self.loader = loader; self.refused = refused; self.logger = logger
    }

    package enum Outcome: Equatable, Sendable {
        case taken(id: String, change: SubmissionChange)
        /// A fault of the upload itself (an unreadable manifest, an unsafe path, a bomb): moved to `refused/`.
        case refused(reason: String)
        /// A passing fault of this machine (a busy database, a full disk, a failed write): the upload
        /// stays in the inbox, untouched, and is taken again later.
        case deferred(reason: String)
    }

    /// Whether `error` is the upload's own fault, for which it is refused; anything else (the
    /// store, the disk, the file system) is this machine's and passes: a unit's upload is never
    /// refused because the server had a bad moment on its deadline day.
    static func isFaultOfTheUpload(_ error: any Error) -> Bool {
        switch error {
        case let error as SubmissionError: return !error.isPassing
        case is ArchiveUnpacker.Refusal: return true
        case StoreError.submissionOfAnotherUnit, StoreError.recordedSubmissionAsPrecheck: return true
        default: return false
        }
    }

    package func take(_ folder: URL) -> Outcome {
        let outcome: Outcome
        do {
            let loaded = try loader.load(directory: folder)
            let change = try recorder.record(loaded, unpackingBeside: folder.deletingLastPathComponent())
            outcome = .taken(id: loaded.submission.submission, change: change)
            logger.info("submission taken", metadata: ["submission": "\(loaded.submission.submission)", "change": "\(change)",
                                                   "files": "\(loaded.evidenceFiles.count)"])
            Self.remove(folder)
        } catch where Self.isFaultOfTheUpload(error) {
            outcome = .refused(reason: "\(error)")
            logger.warning("submission refused", metadata: ["folder": "\(folder.lastPathComponent)", "reason": "\(error)"])
            moveAside(folder, reason: "\(error)")
        } catch {
            outcome = .deferred(reason: "\(error)")
            logger.warning("submission kept for a retry", metadata: ["folder": "\(folder.lastPathComponent)", "reason": "\(error)"])
        }
        return outcome
    }

    /// A submission uploaded as one `.zip`: unpacked into a hidden folder of the inbox, then taken
    /// like a folder. The archive leaves the inbox only once its submission is recorded (or, when it
    /// is refused, moved aside with the reason): a crash midway means it is taken again.
    package func takeArchive(_ archive: URL) -> Outcome {
        let staging = archive.deletingLastPathComponent().appendingPathComponent(".unpacking-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let folder: URL
        do {
            folder = try unpacker.unpack(archive, into: staging)
        } catch where Self.isFaultOfTheUpload(error) {
            logger.warning("archive refused", metadata: ["archive": "\(archive.lastPathComponent)", "reason": "\(error)"])
            moveAside(archive, reason: "\(error)")
            return .refused(reason: "\(error)")
        } catch {
            logger.warning("archive kept for a retry", metadata: ["archive": "\(archive.lastPathComponent)", "reason": "\(error)"])
            return .deferred(reason: "\(error)")
        }
        let outcome = take(folder)
        switch outcome {
        case .taken: try? FileManager.default.removeItem(at: archive)
        case .refused(let reason): moveAside(archive, reason: reason)
        case .deferred: break  // the archive stays in the inbox; the unpacked copy goes with the staging folder
        }
        return outcome
    }

    /// Renamed out of sight first (atomic), then deleted: a crash midway never leaves a half-deleted
    /// submission for the scanner to take as a changed one.
    static func remove(_ folder: URL) {
        let hidden = folder.deletingLastPathComponent().appendingPathComponent(".taken-\(UUID().uuidString)")
        if rename(folder.path, hidden.path) == 0 { try? FileManager.default.removeItem(at: hidden) }
    }

    /// Leftovers of a removal or an unpacking cut short by a crash.
    package static func removeLeftovers(in inbox: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []
        where name.hasPrefix(".taken-") || name.hasPrefix(".unpacking-") {
            try? FileManager.default.removeItem(at: inbox.appendingPathComponent(name))
        }
    }

    /// A refused folder or archive goes to `refused/` under a stamped name; a folder gets a
    /// `REFUSED.txt` inside, an archive one beside it (`NAME.zip.REFUSED.txt`).
    private func moveAside(_ upload: URL, reason: String) {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let isFolder = InboxScanner.isRealDirectory(upload.path)
        let name = isFolder ? "\(upload.lastPathComponent)-\(stamp)"
            : "\(upload.deletingPathExtension().lastPathComponent)-\(stamp).\(upload.pathExtension)"
        let target = refused.appendingPathComponent(name, isDirectory: isFolder)
        try? FileManager.default.createDirectory(at: refused, withIntermediateDirectories: true)
        if (try? FileManager.default.moveItem(at: upload, to: target)) != nil {
            let note = isFolder ? target.appendingPathComponent("REFUSED.txt") : refused.appendingPathComponent(name + ".REFUSED.txt")
            try? "\(reason)\n".write(to: note, atomically: true, encoding: .utf8)
        }
    }
}
