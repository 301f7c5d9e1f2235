import Logging
import HTTPTypes
import EvidenceService
import EvidenceLoading
import EvidenceModel
import EvidenceStore
import Foundation

/// Hands a finished upload to the daemon: the manifest is written beside the files, checked by
/// the same loader the daemon uses, and the folder renamed into the inbox whole. The daemon's
/// intake (copy into the content store, crash safety, limits) stays the one path in.
struct InboxHandoff {
    let service: WebService

    /// A staging folder inside the inbox, hidden from the daemon's scanner, on the same file system
    /// so the final rename is atomic.
    func stagingFolder() throws -> (folder: URL, upload: String) {
        let upload = UUID().uuidString.lowercased()
        let folder = service.inbox.appendingPathComponent(".web-\(upload)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, upload)
    }

    /// Writes and checks the manifest, then renames the folder into the inbox as `web-<upload>`.
    func hand(_ submission: Submission, folder: URL, upload: String) async throws {
        let inbox = service.inbox, catalog = service.catalog, store = service.store, logger = service.logger
        let problem: WebError? = await DedicatedThread.run {
            do {
                // Ids are global: one unit's upload never replaces another unit's submission.
                if let existing = try store.submission(id: submission.submission) {
                    if existing.submission.unit.code != submission.unit.code {
                        return WebError(.conflict, "id-taken", "Mã hồ sơ '\(submission.submission)' đã thuộc đơn vị khác (submission id used by another unit).")
                    }
                    // Its flags would leave the council's queue unannounced: a pre-check has an id of its own.
                    if !existing.submission.isPrecheck, submission.isPrecheck {
                        return WebError(.conflict, "submitted", "Hồ sơ '\(submission.submission)' đã nộp, không thể đổi thành kiểm tra thử (a submitted id cannot become a pre-check).")
                    }
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try encoder.encode(submission).write(to: folder.appendingPathComponent(SubmissionLoader.manifestName))
                _ = try SubmissionLoader(catalog: catalog).load(directory: folder)
                try FileManager.default.moveItem(at: folder, to: inbox.appendingPathComponent("web-\(upload)", isDirectory: true))
                return nil
            } catch let error as SubmissionError {
                // The staging folder's path is the server's: the unit reads the file's name only.
                return WebError(.unprocessableContent, "invalid-submission", error.withoutFolder.description)
            } catch let error as StoreError {
                return WebError(.conflict, "id-taken", "\(error)")
            } catch {
                logger.error("handoff failed", metadata: ["error": "\(error)"])
                return WebError(.internalServerError, "handoff-failed", "Không chuyển được hồ sơ cho bộ xử lý; đã ghi nhật ký (handoff failed, logged).")
            }
        }
        if let problem { throw problem }
    }

    func discard(_ folder: URL) async {
        _ = await DedicatedThread.run { try? FileManager.default.removeItem(at: folder) }
    }

    /// Where an upload stands before the store knows it: still in the inbox, or refused with the reason.
    enum Status: Equatable { case waiting, refused(String), taken }

    func status(of upload: String) -> Status {
        guard upload.count == 36, upload.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) || $0 == "-" })
        else { return .taken }
        if FileManager.default.fileExists(atPath: service.inbox.appendingPathComponent("web-\(upload)").path) { return .waiting }
        let prefix = "web-\(upload)-"
        if let name = (try? FileManager.default.contentsOfDirectory(atPath: service.refused.path))?.first(where: { $0.hasPrefix(prefix) && !$0.hasSuffix(".txt") }) {
            let note = service.refused.appendingPathComponent(name).appendingPathComponent("REFUSED.txt")
            return .refused((try? String(contentsOf: note, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "refused")
        }
        return .taken
    }
}
