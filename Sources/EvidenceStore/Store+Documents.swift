package import EvidenceModel
package import Foundation

extension Store {
    /// The document with this content, nil when never seen.
    package func document(sha256: String) throws -> StoredDocument? {
        let key = try Self.normalizedSHA256(sha256)
        return try database.read { db in try db.record(DocumentRecord.self, key: key)?.stored }
    }

    /// The format a document was read in, without decoding its text: nil when never seen or not
    /// yet read. A flag's page needs only this of its document (whether it has page images), and
    /// decoding the whole extracted text (every page) for it was a fifth of that page's time.
    package func readFormat(sha256: String) throws -> FileFormat? {
        let key = try Self.normalizedSHA256(sha256)
        return try database.read { db in
            // `format` is written with `extracted`, in `saveDocument`; a row with text and no format
            // (none is written so) would read its text.
            guard let row = try db.fetchOne("""
                SELECT format, extracted IS NOT NULL AS hasText FROM documents WHERE sha256 = \(key)
                """), row["hasText"] == true else { return nil }
            if let format: FileFormat = row["format"] { return format }
            return try db.record(DocumentRecord.self, key: key)?.extracted?.format
        }
    }

    /// Makes a document known, `queued` for extraction, unless it already is (in any state).
    /// Returns whether it was new. `recordSubmission` does this for every file it names.
    @discardableResult
    package func enqueueDocument(sha256: String, name: String? = nil, bytes: Int? = nil) throws -> Bool {
        let key = try Self.normalizedSHA256(sha256)
        return try database.write { db in
            try Self.enqueueDocument(db, sha256: key, name: name, bytes: bytes, at: Date())
        }
    }

    /// Queues many documents, each arrived at its date, in one transaction (a bench's backlog):
    /// those already known stay as they are.
    package func enqueueDocuments(_ documents: [(sha256: String, bytes: Int?, arrivedAt: Date)]) throws {
        let documents = try documents.map { (try Self.normalizedSHA256($0.sha256), $0.bytes, $0.arrivedAt) }
        try database.write { db in
            for (key, bytes, date) in documents { _ = try Self.enqueueDocument(db, sha256: key, name: nil, bytes: bytes, at: date) }
        }
    }

    static func enqueueDocument(_ db: any StoreConnection, sha256: String, name: String?, bytes: Int? = nil, at now: Date) throws -> Bool {
        try db.insert(DocumentRecord.queued(sha256: sha256, name: name, bytes: bytes, at: now), ignoringConflict: true)
    }

    /// Stores what extraction and parsing found, and marks the document `parsed`: from now on every
    /// submission that cites this content reuses it. Saving again replaces it (a newer extractor).
    /// With a `lease` (a daemon's claim), only while this node holds it, ending it (`StoreError.leaseLost`).
    package func saveDocument(_ document: ExtractedDocument, fields: DocumentFields?, lease: Lease? = nil) throws {
        let key = try Self.normalizedSHA256(document.sha256)
        try database.write { db in
            if let lease { try Self.endLease(db, document: key, lease: lease) }
            let now = Date()
            var record = try db.record(DocumentRecord.self, key: key)
                ?? .queued(sha256: key, name: document.file, at: now)
            record.name = record.name ?? document.file
            record.format = document.format
            record.pages = document.pages
            record.extracted = document
            record.setFields(fields)
            record.state = .parsed
            record.failureCode = nil
            record.failureMessage = nil
            record.updatedAt = now
            record.extractedAt = now
            try db.save(record)
        }
    }

    /// Replaces the fields of an extracted document (a newer parser), keeping its text.
    package func saveFields(_ fields: DocumentFields?, sha256: String) throws {
        let key = try Self.normalizedSHA256(sha256)
        try database.write { db in
            guard var record = try db.record(DocumentRecord.self, key: key) else { throw StoreError.unknownDocument(key) }
            record.setFields(fields)
            record.updatedAt = Date()
            try db.update(record)
        }
    }

    /// Moves a document to `state`. `extracting` counts an attempt; `failed` records the failure
    /// (any other state clears it). An unknown document is created in that state, so a file that
    /// fails before it was queued is still visible. With a `lease`, as for `saveDocument`.
    package func markDocument(sha256: String, state: DocumentState, failure: ExtractionFailure? = nil, lease: Lease? = nil) throws {
        let key = try Self.normalizedSHA256(sha256)
        try database.write { db in
            if let lease { try Self.endLease(db, document: key, lease: lease) }
            let now = Date()
            var record = try db.record(DocumentRecord.self, key: key) ?? .queued(sha256: key, name: nil, at: now)
            record.state = state
            if state == .extracting { record.attempts += 1 }
            if state == .failed {
                let failure = failure ?? ExtractionFailure(.unreadableFile, "failed without a reason")
                record.failureCode = failure.code.rawValue
                record.failureMessage = failure.message
            } else {
                record.failureCode = nil
                record.failureMessage = nil
            }
            record.updatedAt = now
            try db.save(record)
        }
    }
}
