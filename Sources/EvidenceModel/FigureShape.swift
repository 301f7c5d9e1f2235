/// What a hand-written figure's outline says it is, where tesseract cannot tell (issue 22): a 1 with
/// a long flag reads 4 in every condition, a 7 with a crossbar reads 4 or nothing. The outline of
/// each figure of a blank, cut out as its ink, settles only these three: a 4 has a wide crossbar in
/// its lower half and no bar on top, a 7 a bar on top over a narrow foot, a 1 nothing wide below its
/// middle and no bar on top. Anything else is `unsure`, and an unsure outline settles nothing.
package enum FigureShape: String, Codable, Hashable, Sendable {
    case one = "1", four = "4", seven = "7", unsure = "?"

    /// The figures the outlines can tell apart: those hand-filled blanks make alike.
    package var figure: Character? { self == .unsure ? nil : Character(rawValue) }

    /// An outline stored by another version that this one does not know is unsure: it settles
    /// nothing, and the document's fields still decode.
    package init(from decoder: any Decoder) throws {
        self = Self(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .unsure
    }
}
