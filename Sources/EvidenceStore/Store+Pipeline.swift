package import Foundation
import GRDB

/// The daemon's view: what is waiting, what failed, what to resume after a crash.
extension Store {
    /// Counts by state, every state present.
    package func backlog() throws -> Backlog {
        try writer.read { db in
            var documents = Dictionary(uniqueKeysWithValues: DocumentState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM documents GROUP BY state") {
                if let state = DocumentState(rawValue: row["state"]) { documents[state] = row["n"] }
            }
            var submissions = Dictionary(uniqueKeysWithValues: SubmissionState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM submissions GROUP BY state") {
                if let state = SubmissionState(rawValue: row["state"]) { submissions[state] = row["n"] }
            }
            let current = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM flags WHERE supersededAt IS NULL") ?? 0
            let superseded = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM flags WHERE supersededAt IS NOT NULL") ?? 0
            return Backlog(documents: documents, submissions: submissions,
                           currentFlags: current, supersededFlags: superseded)
        }
    }

    /// Documents (and their pages) extracted since `date`: divide by the minutes for a rate.
    package func throughput(since date: Date) throws -> Throughput {
        try writer.read { db in
            let request: SQLRequest<Row> = """
                SELECT COUNT(*) AS documents, COALESCE(SUM(pages), 0) AS pages
                FROM documents WHERE state = \(DocumentState.parsed) AND extractedAt >= \(date)
                """
            let row = try request.fetchOne(db)
            return Throughput(documents: row?["documents"] ?? 0, pages: row?["pages"] ?? 0)
        }
    }

    /// Failed documents and submissions, latest first.
    package func failures(limit: Int = 50) throws -> [FailedItem] {
        try writer.read { db in
            let documents = try DocumentRecord
                .filter(DocumentRecord.Columns.state == DocumentState.failed)
                .order(DocumentRecord.Columns.updatedAt.desc).limit(limit).fetchAll(db)
                .map { FailedItem(kind: .document, id: $0.sha256, code: $0.failureCode,
                                  message: $0.failureMessage ?? "", attempts: $0.attempts, failedAt: $0.updatedAt) }
            let submissions = try SubmissionRecord
                .filter(SubmissionRecord.Columns.state == SubmissionState.failed)
                .order(SubmissionRecord.Columns.updatedAt.desc).limit(limit).fetchAll(db)
                .map { FailedItem(kind: .submission, id: $0.id, code: nil,
                                  message: $0.failureReason ?? "", attempts: $0.revision, failedAt: $0.updatedAt) }
            return Array((documents + submissions).sorted { $0.failedAt > $1.failedAt }.prefix(max(0, limit)))
        }
    }

    /// Puts a failed submission (by id) or document (by sha256, or a unique prefix of at least 8
    /// digits) back to `queued`, clearing its failure and its attempt count. Returns which it was.
    @discardableResult
    package func retry(id: String) throws -> FailedItem.Kind {
        try writer.write { db in
            let now = Date()
            if var submission = try SubmissionRecord.fetchOne(db, key: id) {
                guard submission.state == .failed else {
                    throw StoreError.notFailed(id: id, state: submission.state.rawValue)
                }
                submission.state = .queued
                submission.failureReason = nil
                submission.updatedAt = now
                try submission.update(db)
                return .submission
            }
            let prefix = id.lowercased()
            guard prefix.utf8.count >= 8, prefix.utf8.count <= 64,
                  prefix.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
            else { throw StoreError.noSuchItem(id) }
            let matches = try DocumentRecord
                .filter(DocumentRecord.Columns.sha256.like("\(prefix)%"))
                .limit(2).fetchAll(db)
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
            try document.update(db)
            return .document
        }
    }

    /// At start-up: what a dead process left `extracting` goes back to `queued`, in one transaction.
    /// Nothing else needs repair, since every other change was committed whole or not at all.
    @discardableResult
    package func resumeAfterCrash() throws -> Resumed {
        try writer.write { db in
            let now = Date()
            let documents = try DocumentRecord
                .filter(DocumentRecord.Columns.state == DocumentState.extracting)
                .updateAll(db, DocumentRecord.Columns.state.set(to: DocumentState.queued),
                           DocumentRecord.Columns.updatedAt.set(to: now))
            let submissions = try SubmissionRecord
                .filter(SubmissionRecord.Columns.state == SubmissionState.extracting)
                .updateAll(db, SubmissionRecord.Columns.state.set(to: SubmissionState.queued),
                           SubmissionRecord.Columns.updatedAt.set(to: now))
            return Resumed(documents: documents, submissions: submissions)
        }
    }

    /// Documents left `extracting` while this process has none in flight (a save or a state change
    /// that failed): back to `queued`. Returns how many; a read first, so an idle pass writes nothing.
    @discardableResult
    package func requeueStrandedDocuments() throws -> Int {
        let extracting = DocumentRecord.filter(DocumentRecord.Columns.state == DocumentState.extracting)
        guard try writer.read({ try extracting.fetchCount($0) }) > 0 else { return 0 }
        return try writer.write { db in
            try extracting.updateAll(db, DocumentRecord.Columns.state.set(to: DocumentState.queued),
                                     DocumentRecord.Columns.updatedAt.set(to: Date()))
        }
    }

    /// Documents waiting for extraction (sha256), oldest first.
    package func pendingDocuments(limit: Int = 1000) throws -> [String] {
        try writer.read { db in
            try DocumentRecord
                .select(DocumentRecord.Columns.sha256, as: String.self)
                .filter(DocumentRecord.Columns.state == DocumentState.queued)
                .order(DocumentRecord.Columns.createdAt, DocumentRecord.Columns.sha256)
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// Submissions waiting (queued) or in progress (extracting), oldest first: what the daemon
    /// carries on with.
    package func pendingSubmissions(limit: Int = 1000) throws -> [String] {
        try writer.read { db in
            try SubmissionRecord
                .select(SubmissionRecord.Columns.id, as: String.self)
                .filter([SubmissionState.queued, SubmissionState.extracting]
                    .contains(SubmissionRecord.Columns.state))
                .order(SubmissionRecord.Columns.createdAt, SubmissionRecord.Columns.id)
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// Submissions waiting (queued or extracting) whose every file is extracted or failed: ready to
    /// be checked. Oldest first.
    package func readySubmissions(limit: Int = 1000) throws -> [String] {
        try writer.read { db in
            // NOT EXISTS over a join: the query interface cannot say it; the states are bound.
            let waiting: [SubmissionState] = [.queued, .extracting]
            let unread: [DocumentState] = [.queued, .extracting]
            let request: SQLRequest<String> = """
                SELECT s.id FROM submissions s
                WHERE s.state IN \(waiting)
                  AND NOT EXISTS (
                    SELECT 1 FROM submission_files f JOIN documents d ON d.sha256 = f.sha256
                    WHERE f.submissionId = s.id AND d.state IN \(unread))
                ORDER BY s.createdAt, s.id
                LIMIT \(limit)
                """
            return try request.fetchAll(db)
        }
    }

    /// The documents of a submission's files, by relative path, in whatever state they are: what
    /// the verifier needs (a failed one becomes `unreadable`).
    package func documents(ofSubmission id: String) throws -> [String: StoredDocument] {
        try writer.read { db in
            let files = try Self.files(db, submission: id)
            let records = try DocumentRecord.fetchAll(db, keys: Array(Set(files.values)))
            let bySHA = Dictionary(records.map { ($0.sha256, $0.stored) }, uniquingKeysWith: { first, _ in first })
            return files.compactMapValues { bySHA[$0] }
        }
    }
}
