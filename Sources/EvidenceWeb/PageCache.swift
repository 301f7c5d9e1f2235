import Crypto
import EvidenceStore
import Foundation
import Hummingbird
import Metrics
import Synchronization

/// Rendered pages and API answers, kept while nothing they show has changed.
///
/// On deadline day hundreds of units refresh their result pages, and the scoring system polls the
/// flag list, far more often than what those show changes. An answer is kept under who asked (the
/// whole account as the session or token lookup read it on this request: a role, unit or scope
/// changed since is another key), the session's CSRF token (every page's forms carry it) and the
/// address, with its scope's change stamp (`Store+ChangeStamps.swift`) read *before* it was
/// rendered. It is given again while the stamp still reads the same, on this node, whichever node
/// wrote. A write between the stamp's read and the rendering only makes the kept answer newer than
/// its stamp: the next request renders again. Only answers of 200 are kept; every access check
/// runs before the cache is asked (the routes call it once they know the account may ask).
///
/// Programs get an `ETag` (the body's sha256) and a 304 for `If-None-Match`.
package final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var account: UserAccount
        var csrf: String?
        var address: String
    }

    struct Entry: Sendable {
        var stamp: Int64
        var body: ByteBuffer
        var etag: String
        /// When it was kept, in the order of `Kept.order`.
        var sequence = 0
    }

    private struct Kept {
        var entries: [Key: Entry] = [:]
        /// Every entry kept, oldest first from `oldest`; one replaced since is skipped (its key's
        /// entry has a later sequence).
        var order: [(key: Key, sequence: Int)] = []
        var oldest = 0
        var sequence = 0
        var bytes = 0
        var hits = 0
        var misses = 0
        /// Renderings in flight, with the stamp each was asked under.
        var rendering: [Key: (stamp: Int64, task: Task<Entry, any Error>)] = [:]
    }

    /// The most body bytes kept; 0 keeps nothing.
    let budget: Int
    private let kept = Mutex(Kept())
    private let hits = Counter(label: "evidenced_page_cache_hits_total")
    private let misses = Counter(label: "evidenced_page_cache_misses_total")

    package init(bytes: Int) { budget = max(0, bytes) }

    /// What was kept and how often it was given again, since start; `places`: the eviction
    /// order's length (bounded by the entries kept).
    package var statistics: (entries: Int, bytes: Int, hits: Int, misses: Int, places: Int) {
        kept.withLock { ($0.entries.count, $0.bytes, $0.hits, $0.misses, $0.order.count - $0.oldest) }
    }

    /// What a page or answer shows: a unit account sees only its own unit, every other account
    /// lists or reaches across units.
    static func scope(of account: UserAccount) -> ChangeScope {
        if account.role == .unit, let code = account.unitCode { return .unit(code) }
        return .store
    }

    /// The kept answer to this request when its scope has not changed, or `render`'s, kept.
    /// `contentType`: the answer's; `revalidate`: programs' answers get an `ETag`, a 304 when it
    /// matches `If-None-Match`, and `Cache-Control: private, no-cache` (pages stay `no-store`).
    ///
    /// Requests that miss together wait for one rendering: after a change, the 50 connections
    /// refreshing one page would otherwise each render it at once.
    func answer(_ request: Request, _ context: WebContext, account: UserAccount, service: WebService,
                contentType: String, revalidate: Bool = false,
                render: @escaping @Sendable () async throws -> ByteBuffer) async throws -> Response {
        guard budget > 0 else { return Self.response(Entry(stamp: 0, body: try await render(), etag: ""), contentType, revalidate: false) }
        let scope = Self.scope(of: account)
        let stamp = try await service.blocking { try $0.changeStamp(scope) }
        let key = Key(account: account, csrf: context.session?.csrfToken, address: request.uri.description)
        let found = kept.withLock { kept -> Lookup in
            if let entry = kept.entries[key], entry.stamp == stamp {
                kept.hits += 1
                return .kept(entry)
            }
            if let flight = kept.rendering[key], flight.stamp == stamp {
                kept.hits += 1
                return .rendering(flight.task, mine: false)
            }
            kept.misses += 1
            let task = Task { () async throws -> Entry in
                let body = try await render()
                return Entry(stamp: stamp, body: body, etag: Self.etag(body))
            }
            kept.rendering[key] = (stamp, task)
            return .rendering(task, mine: true)
        }
        let entry: Entry
        switch found {
        case .kept(let kept):
            hits.increment()
            entry = kept
        case .rendering(let task, mine: false):
            hits.increment()
            entry = try await task.value
        case .rendering(let task, mine: true):
            misses.increment()
            do {
                entry = try await task.value
            } catch {
                finish(key, stamp: stamp, keeping: nil)
                throw error
            }
            finish(key, stamp: stamp, keeping: entry)
        }
        return Self.response(entry, contentType, revalidate: revalidate, ifNoneMatch: request.headers[.ifNoneMatch])
    }

    private enum Lookup {
        case kept(Entry)
        case rendering(Task<Entry, any Error>, mine: Bool)
    }

    /// The rendering under `key` for `stamp` is over: its answer is kept unless a newer one already
    /// is, and it is no longer waited for, in one step (a request between the two would render again).
    private func finish(_ key: Key, stamp: Int64, keeping entry: Entry?) {
        kept.withLock { kept in
            if let entry { keep(entry, under: key, in: &kept) }
            if kept.rendering[key]?.stamp == stamp { kept.rendering[key] = nil }
        }
    }

    private func keep(_ entry: Entry, under key: Key, in kept: inout Kept) {
        let size = entry.body.readableBytes
        guard size <= budget / 8 else { return }
        if let newer = kept.entries[key], newer.stamp > entry.stamp { return }
        var entry = entry
        kept.sequence += 1
        entry.sequence = kept.sequence
        if let old = kept.entries.updateValue(entry, forKey: key) { kept.bytes -= old.body.readableBytes }
        kept.bytes += size
        kept.order.append((key, entry.sequence))
        while kept.bytes > budget, kept.oldest < kept.order.count {
            let (candidate, sequence) = kept.order[kept.oldest]
            kept.oldest += 1
            if kept.entries[candidate]?.sequence == sequence, let gone = kept.entries.removeValue(forKey: candidate) {
                kept.bytes -= gone.body.readableBytes
            }
        }
        // Places of entries replaced since (a page rendered again after each change) are dropped
        // once they outnumber the live ones: within the budget nothing above would ever drop them.
        if kept.order.count - kept.oldest > 2 * kept.entries.count + 64 {
            kept.order = kept.entries.map { ($0.key, $0.value.sequence) }.sorted { $0.sequence < $1.sequence }
            kept.oldest = 0
        }
    }

    /// The answer; a 304 when `revalidate` and `If-None-Match` names its tag.
    private static func response(_ entry: Entry, _ contentType: String, revalidate: Bool, ifNoneMatch: String? = nil) -> Response {
        if revalidate, let ifNoneMatch, matches(ifNoneMatch, entry.etag) {
            return Response(status: .notModified, headers: [.eTag: entry.etag, .cacheControl: "private, no-cache"])
        }
        var headers: HTTPFields = [.contentType: contentType]
        if revalidate {
            headers[.eTag] = entry.etag
            headers[.cacheControl] = "private, no-cache"
        } else {
            headers[.cacheControl] = "no-store"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
    }

    /// A strong tag: the body's sha256, so one tag is always the same bytes, whoever asked.
    static func etag(_ body: ByteBuffer) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var tag: [UInt8] = [UInt8(ascii: "\"")]
        for byte in SHA256.hash(data: body.readableBytesView).prefix(16) {
            tag.append(digits[Int(byte >> 4)]); tag.append(digits[Int(byte & 0x0F)])
        }
        tag.append(UInt8(ascii: "\""))
        return String(decoding: tag, as: UTF8.self)
    }

    /// `If-None-Match`: `*` or a list of tags, weak ones compared by their opaque part.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { item in
            let tag = item.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
