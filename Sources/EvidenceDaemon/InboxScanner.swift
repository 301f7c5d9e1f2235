import CoreFoundation
package import Foundation

/// Finds uploads in the inbox that have stopped changing: a submission folder is ready when its
/// `submission.json` and every other regular file in it kept the same size and modification time
/// for the stability delay; a submission uploaded as one `.zip` file, when the file did.
/// Symbolic links are never followed.
package final class InboxScanner: @unchecked Sendable {
    package struct Snapshot: Equatable, Sendable {
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

    package init(inbox: URL, stabilityDelay: Double) {
        self.inbox = inbox; self.delay = stabilityDelay
    }

    /// Folders that are complete now, in name order; `now` is injectable for tests. With
    /// `waitForStability` false (`--once`), every folder with a manifest is taken as it is.
    package func readyFolders(now: Date = Date(), waitForStability: Bool = true) -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return lock.withLock {
            var ready: [URL] = []
            var current: [String: (Snapshot, Date)] = [:]
            for name in names {
                var folder = inbox.appendingPathComponent(name, isDirectory: true)
                let snapshot: Snapshot?
                if Self.isArchive(name: name, path: folder.path) {
                    folder = inbox.appendingPathComponent(name, isDirectory: false)
                    snapshot = Self.stamp(of: folder.path).map { Snapshot(files: [name: $0]) }
                } else {
                    guard Self.isRealDirectory(folder.path),
                          FileManager.default.fileExists(atPath: folder.appendingPathComponent("submission.json").path) else { continue }
                    snapshot = Self.snapshot(of: folder)
                }
                guard let snapshot else { continue }
                let since = seen[name].flatMap { $0.snapshot == snapshot ? $0.since : nil } ?? now
                current[name] = (snapshot, since)
                if !waitForStability || now.timeIntervalSince(since) >= delay { ready.append(folder) }
            }
            seen = current
            return ready
        }
    }

    /// Forgets a folder once it was taken (or refused).
    package func forget(_ folder: URL) {
        _ = lock.withLock { seen.removeValue(forKey: folder.lastPathComponent) }
    }

    /// A regular file named `*.zip`: a submission uploaded whole.
    package static func isArchive(name: String, path: String) -> Bool {
        var info = stat()
        return name.lowercased().hasSuffix(".zip") && lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size), modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
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
            guard let stamp = stamp(of: folder.appendingPathComponent(relative).path) else { return nil }
            files[relative] = stamp
        }
        return Snapshot(files: files)
    }
}
