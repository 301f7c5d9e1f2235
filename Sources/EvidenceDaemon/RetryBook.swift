package import Foundation
import Synchronization

/// Work that met a passing fault (a busy or locked database, a full disk, a failed write or
/// rename): it stays where it was and is tried again after a delay that doubles with each failure,
/// from `firstDelay` up to `longestDelay`. The book is written to a small JSON file beside the
/// store (best effort: the store may be the thing failing) so `evidenced status` can show what
/// waits and why.
package final class RetryBook: Sendable {
    package struct Entry: Codable, Equatable, Sendable {
        package var item: String
        package var kind: String
        package var failures: Int
        package var reason: String
        package var nextTry: Date
    }

    /// The mirror's name in the data folder.
    package static let fileName = "retrying.json"

    private let entries = Mutex<[String: Entry]>([:])
    private let file: URL?
    let firstDelay: TimeInterval
    let longestDelay: TimeInterval

    /// `file`: where the book is mirrored for `evidenced status` (nil: kept in memory only).
    package init(file: URL?, firstDelay: TimeInterval = 2, longestDelay: TimeInterval = 300) {
        self.file = file; self.firstDelay = firstDelay; self.longestDelay = longestDelay
        if let file { try? FileManager.default.removeItem(at: file) }  // a new process starts with a clean book
    }

    /// Records a failure of `item`; returns the delay before its next try.
    @discardableResult
    package func failed(_ item: String, kind: String, reason: String, now: Date = Date()) -> TimeInterval {
        let delay = entries.withLock { entries -> TimeInterval in
            let failures = (entries[item]?.failures ?? 0) + 1
            let delay = min(firstDelay * pow(2, Double(min(failures - 1, 20))), longestDelay)
            entries[item] = Entry(item: item, kind: kind, failures: failures, reason: reason, nextTry: now.addingTimeInterval(delay))
            return delay
        }
        mirror()
        return delay
    }

    /// The item went through: forgotten.
    package func succeeded(_ item: String) {
        let removed = entries.withLock { $0.removeValue(forKey: item) != nil }
        if removed { mirror() }
    }

    /// Whether `item` may be tried now.
    package func isDue(_ item: String, now: Date = Date()) -> Bool {
        entries.withLock { entries in entries[item].map { $0.nextTry <= now } ?? true }
    }

    package var waiting: [Entry] { entries.withLock { Array($0.values) }.sorted { $0.item < $1.item } }

    private func mirror() {
        guard let file else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        if let data = try? encoder.encode(waiting) { try? data.write(to: file, options: .atomic) }
    }

    /// The book another process mirrored (for `evidenced status`); empty when there is none.
    package static func read(_ file: URL) -> [Entry] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode([Entry].self, from: data)) ?? []
    }
}
