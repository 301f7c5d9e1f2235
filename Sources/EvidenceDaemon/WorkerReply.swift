import EvidenceModel

/// What an extraction worker process writes on its standard output: one JSON object.
public enum WorkerReply: Codable, Sendable {
    case document(ExtractedDocument)
    case failure(ExtractionFailure)
}
