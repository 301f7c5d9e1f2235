/// Counts for `evidenced status`.
public struct Backlog: Hashable, Sendable, Codable {
    /// Every state is present, zero when empty.
    public var documents: [DocumentState: Int]
    public var submissions: [SubmissionState: Int]
    public var currentFlags: Int
    public var supersededFlags: Int

    public init(documents: [DocumentState: Int], submissions: [SubmissionState: Int],
                currentFlags: Int, supersededFlags: Int) {
        self.documents = documents; self.submissions = submissions
        self.currentFlags = currentFlags; self.supersededFlags = supersededFlags
    }
}

/// Extraction done recently, for the documents and pages per minute of `evidenced status`.
public struct Throughput: Hashable, Sendable, Codable {
    public var documents: Int
    public var pages: Int
    public init(documents: Int, pages: Int) { self.documents = documents; self.pages = pages }
}

/// What `resumeAfterCrash()` put back in the queue.
public struct Resumed: Hashable, Sendable, Codable {
    public var documents: Int
    public var submissions: Int
    public init(documents: Int, submissions: Int) { self.documents = documents; self.submissions = submissions }
}
