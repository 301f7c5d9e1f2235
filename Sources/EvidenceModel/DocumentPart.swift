/// One document of a file that holds several (a scanned bundle: a decision with the plan it
/// approves, three sets of minutes): its pages and its own fields.
package struct DocumentPart: Codable, Hashable, Sendable {
    /// 1-based, inclusive.
    package var firstPage: Int
    package var lastPage: Int
    package var fields: DocumentFields

    package init(firstPage: Int, lastPage: Int, fields: DocumentFields) {
        self.firstPage = firstPage; self.lastPage = lastPage; self.fields = fields
    }

    package var pages: ClosedRange<Int> { firstPage...lastPage }
}
