/// Counts for `evidenced status`.
package struct Backlog: Hashable, Sendable, Codable {
    /// Every state is present, zero when empty.
    package var documents: [DocumentState: Int]
    package var submissions: [SubmissionState: Int]
    package var currentFlags: Int
    package var supersededFlags: Int

    package init(documents: [DocumentState: Int], submissions: [SubmissionState: Int],
                currentFlags: Int, supersededFlags: Int) {
        self.documents = documents; self.submissions = submissions
        self.currentFlags = currentFlags; self.supersededFlags = supersededFlags
    }
}

/// Extraction done recently, for the documents and pages per minute of `evidenced status`.
package struct Throughput: Hashable, Sendable, Codable {
    package var documents: Int
    package var pages: Int
    package init(documents: Int, pages: Int) { self.documents = documents; self.pages = pages }
}

/// What `releaseLeases(node:)` gave back: documents queued again, submissions whose lease ended.
package struct Resumed: Hashable, Sendable, Codable {
    package var documents: Int
    package var submissions: Int
    package init(documents: Int, submissions: Int) { self.documents = documents; self.submissions = submissions }
}
