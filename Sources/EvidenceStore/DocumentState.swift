/// Where a document (one evidence file, identified by its content) stands in the pipeline.
/// The raw values are what the store and `evidenced status` show.
package enum DocumentState: String, Codable, Hashable, Sendable, CaseIterable {
    /// Known (its content is in the intake store) and waiting for a worker.
    case queued
    /// Handed to a worker. Found at start-up, it means the daemon died meanwhile: it goes back to queued.
    case extracting
    /// Extracted and parsed: its text and fields are stored and reused by every submission that cites it.
    case parsed
    /// Could not be extracted; the failure says why. `retry` puts it back to queued.
    case failed
}
