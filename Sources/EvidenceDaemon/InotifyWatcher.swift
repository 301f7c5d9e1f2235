import EvidenceService
package import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the intake when anything changes in the inbox or in a submission folder inside it.
/// inotify is not recursive: each scan adds watches for new folders. On network shares, where
/// inotify sees nothing, the daemon runs in polling mode without it.
package final class InotifyWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private let inbox: String
    private let lock = NSLock()
    private var watched: Set<String> = []

    package init?(inbox: URL) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        descriptor = fd
        self.inbox = inbox.path
        guard add(self.inbox) else { close(fd); return nil }
    }

    deinit { close(descriptor) }

    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)

    @discardableResult
    private func add(_ path: String) -> Bool {
        lock.withLock {
            guard !watched.contains(path) else { return true }
            guard inotify_add_watch(descriptor, path, Self.events) >= 0 else { return false }
            watched.insert(path)
            return true
        }
    }

    /// Watches the inbox's immediate folders (submissions) too.
    package func watchSubfolders() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? [] {
            let path = inbox + "/" + name
            if InboxScanner.isRealDirectory(path) { add(path) }
        }
    }

    /// Waits until something changed or `timeout` passed, then drains the pending events.
    package func wait(timeout: Double) async {
        let fd = descriptor
        await DedicatedThread.run {
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&request, 1, Int32(max(0, timeout) * 1000))
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
        }
    }
}
