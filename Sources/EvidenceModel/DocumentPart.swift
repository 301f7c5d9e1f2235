/// One document of a file that holds several (a scanned bundle: a decision with the plan it
/// approves, three sets of minutes): its pages and its own fields.
public struct DocumentPart: Codable, Hashable, Sendable {
    /// 1-based, inclusive.
    public var firstPage: Int
    public var lastPage: Int
    public var fields: DocumentFields

    public init(firstPage: Int, lastPage: Int, fields: DocumentFields) {
        self.firstPage = firstPage; self.lastPage = lastPage; self.fields = fields
    }

    public var pages: ClosedRange<Int> { firstPage...lastPage }
}
