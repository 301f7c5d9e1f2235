import EvidenceModel

/// Placeholder until the parsing branch lands.
public struct DocumentParser: Sendable {
    public init() {}
    public func parse(_ pages: [PageText]) -> DocumentFields { DocumentFields() }
}
