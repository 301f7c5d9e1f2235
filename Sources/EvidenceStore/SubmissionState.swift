/// Where a submission stands in the pipeline.
package enum SubmissionState: String, Codable, Hashable, Sendable, CaseIterable {
    /// Recorded (new or changed) and waiting to be checked.
    case queued
    /// Its documents are being extracted. Found at start-up, it goes back to queued.
    case extracting
    /// Its result is recorded and its flags are queued.
    case checked
    /// Could not be checked (bad manifest, internal error); the reason says why. `retry` re-queues it.
    case failed
}
