package import EvidenceModel

/// What an extraction worker process writes on its standard output: one JSON object.
package enum WorkerReply: Codable, Sendable {
    /// The document as read (word boxes dropped) and the fields parsed from it.
    case parsed(ParsedDocument)
    case failure(ExtractionFailure)
}
