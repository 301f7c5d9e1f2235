import CoreFoundation
public import Foundation

/// Finds submission folders in the inbox whose files have stopped changing: a folder is ready when
/// its `submission.json` and every other regular file in it kept the same size and modification
/// time for the stability delay. Symbolic links are never followed.
public final class InboxScanner: @unchecked Sendable {
    public struct Snapshot: Equatable, Sendable {
        var files: [String: FileStamp]
    }

    struct FileStamp: Equatable, Sendable {
        var size: Int64
        var modified: Double
    }

    private let inbox: URL
    private let delay: Double
    private var seen: [String: (snapshot: Snapshot, since: Date)] = [:]
    private let lock = NSLock()

    public init(inbox: URL, stabilityDelay: Double) {
        self.inbox = inbox; self.delay = stabilityDelay
    }

    /// Folders that are complete now, in name order; `now` is injectable for tests. With
    /// `waitForStability` false (`--once`), every folder with a manifest is taken as it is.
    public func readyFolders(now: Date = Date(), waitForStability: Bool = true) -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return lock.withLock {
            var ready: [URL] = []
            var current: [String: (Snapshot, Date)] = [:]
            for name in names {
                let folder = inbox.appendingPathComponent(name, isDirectory: true)
                guard Self.isRealDirectory(folder.path),
                      FileManager.default.fileExists(atPath: folder.appendingPathComponent("submission.json").path),
                      let snapshot = Self.snapshot(of: folder) else { continue }
                let since = seen[name].flatMap { $0.snapshot == snapshot ? $0.since : nil } ?? now
                current[name] = (snapshot, since)
                if !waitForStability || now.timeIntervalSince(since) >= delay { ready.append(folder) }
            }
            seen = current
            return ready
        }
    }

    /// Forgets a folder once it was taken (or refused).
    public func forget(_ folder: URL) {
        _ = lock.withLock { seen.removeValue(forKey: folder.lastPathComponent) }
    }

    static func isRealDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Sizes and times of every entry below the folder; nil while it cannot be read.
    static func snapshot(of folder: URL) -> Snapshot? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var files: [String: FileStamp] = [:]
        while let relative = enumerator.nextObject() as? String {
            var info = stat()
            guard lstat(folder.appendingPathComponent(relative).path, &info) == 0 else { return nil }
            files[relative] = FileStamp(size: Int64(info.st_size),
                                        modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        }
        return Snapshot(files: files)
    }
}
