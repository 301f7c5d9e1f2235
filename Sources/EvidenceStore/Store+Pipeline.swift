package import Foundation

/// The daemon's view: what is waiting, what failed, what to resume after a crash.
extension Store {
    /// Counts by state, every state present.
    package func backlog() throws -> Backlog {
        try database.read { db in
            var documents = Dictionary(uniqueKeysWithValues: DocumentState.allCases.map { ($0, 0) })
            for row in try db.fetch("SELECT state, COUNT(*) AS n FROM documents GROUP BY state") {
                if let state: DocumentState = row["state"] { documents[state] = row["n"] }
            }
            var submissions = Dictionary(uniqueKeysWithValues: SubmissionState.allCases.map { ($0, 0) })
            for row in try db.fetch("SELECT state, COUNT(*) AS n FROM submissions GROUP BY state") {
                if let state: SubmissionState = row["state"] { submissions[state] = row["n"] }
            }
            let current = try db.count("SELECT COUNT(*) FROM flags WHERE supersededAt IS NULL")
            let superseded = try db.count("SELECT COUNT(*) FROM flags WHERE supersededAt IS NOT NULL")
            return Backlog(documents: documents, submissions: submissions,
                           currentFlags: current, supersededFlags: superseded)
        }
    }

    /// Documents (and their pages) extracted since `date`: divide by the minutes for a rate.
    package func throughput(since date: Date) throws -> Throughput {
        try database.read { db in
            let row = try db.fetchOne("""
                SELECT COUNT(*) AS documents, COALESCE(SUM(pages), 0) AS pages
                FROM documents WHERE state = \(DocumentState.parsed) AND extractedAt >= \(date)
                """)
            return Throughput(documents: row?["documents"] ?? 0, pages: row?["pages"] ?? 0)
        }
    }

    /// Failed documents and submissions, latest first.
    package func failures(limit: Int = 50) throws -> [FailedItem] {
        try database.read { db in
            let documents = try db.fetch("""
                SELECT * FROM documents WHERE state = \(DocumentState.failed) ORDER BY updatedAt DESC LIMIT \(limit)
                """, as: DocumentRecord.self)
                .map { FailedItem(kind: .document, id: $0.sha256, code: $0.failureCode,
                                  message: $0.failureMessage ?? "", attempts: $0.attempts, failedAt: $0.updatedAt) }
            let submissions = try db.fetch("""
                SELECT * FROM submissions WHERE state = \(SubmissionState.failed) ORDER BY updatedAt DESC LIMIT \(limit)
                """, as: SubmissionRecord.self)
                .map { FailedItem(kind: .submission, id: $0.id, code: nil,
                                  message: $0.failureReason ?? "", attempts: $0.revision, failedAt: $0.updatedAt) }
            return Array((documents + submissions).sorted { $0.failedAt > $1.failedAt }.prefix(max(0, limit)))
        }
    }

    /// Puts a failed submission (by id) or document (by sha256, or a unique prefix of at least 8
    /// digits) back to `queued`, clearing its failure and its attempt count. Returns which it was.
    @discardableResult
    package func retry(id: String) throws -> FailedItem.Kind {
        try database.write { db in
            let now = Date()
            if var submission = try db.record(SubmissionRecord.self, key: id) {
                guard submission.state == .failed else {
                    throw StoreError.notFailed(id: id, state: submission.state.rawValue)
                }
                submission.state = .queued
                submission.failureReason = nil
                submission.updatedAt = now
                try db.update(submission)
                return .submission
            }
            let prefix = id.lowercased()
            guard prefix.utf8.count >= 8, prefix.utf8.count <= 64,
                  prefix.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
            else { throw StoreError.noSuchItem(id) }
            let matches = try db.fetch("SELECT * FROM documents WHERE sha256 LIKE \(prefix + "%") LIMIT 2", as: DocumentRecord.self)
            guard var document = matches.first else { throw StoreError.noSuchItem(id) }
            guard matches.count == 1 else { throw StoreError.ambiguousID(id, matches: matches.count) }
            guard document.state == .failed else {
                throw StoreError.notFailed(id: document.sha256, state: document.state.rawValue)
            }
            document.state = .queued
            document.failureCode = nil
            document.failureMessage = nil
            document.attempts = 0
            document.updatedAt = now
            try db.update(document)
            return .document
        }
    }

    /// Documents waiting for extraction (sha256), oldest first.
    package func pendingDocuments(limit: Int = 1000) throws -> [String] {
        try database.read { db in
            try db.values("""
                SELECT sha256 FROM documents WHERE state = \(DocumentState.queued) ORDER BY createdAt, sha256 LIMIT \(limit)
                """, as: String.self)
        }
    }

    /// Submissions waiting (queued) or in progress (extracting), oldest first: what the daemon
    /// carries on with.
    package func pendingSubmissions(limit: Int = 1000) throws -> [String] {
        try database.read { db in
            let waiting: [SubmissionState] = [.queued, .extracting]
            return try db.values("""
                SELECT id FROM submissions WHERE state IN \(list: waiting) ORDER BY createdAt, id LIMIT \(limit)
                """, as: String.self)
        }
    }

    /// Submissions waiting (queued or extracting) whose every file is extracted or failed: ready to
    /// be checked, whether or not a node has claimed them. Oldest first.
    package func readySubmissions(limit: Int = 1000) throws -> [String] {
        try database.read { db in
            try db.values("""
                SELECT s.id FROM submissions s WHERE \(sql: Self.readyToCheck) ORDER BY s.createdAt, s.id LIMIT \(limit)
                """, as: String.self)
        }
    }

    /// The documents of a submission's files, by relative path, in whatever state they are: what
    /// the verifier needs (a failed one becomes `unreadable`).
    package func documents(ofSubmission id: String) throws -> [String: StoredDocument] {
        try database.read { db in
            let files = try Self.files(db, submission: id)
            let records = try db.fetch("SELECT * FROM documents WHERE sha256 IN \(list: Set(files.values).sorted())", as: DocumentRecord.self)
            let bySHA = Dictionary(records.map { ($0.sha256, $0.stored) }, uniquingKeysWith: { first, _ in first })
            return files.compactMapValues { bySHA[$0] }
        }
    }
}
