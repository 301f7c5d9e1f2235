/// A statement in the SQL both backends understand, with its values bound, never spliced: an
/// interpolated value becomes a parameter (`?` for SQLite, `$n` for PostgreSQL), a list becomes
/// one parameter per item, and only `raw:` (identifiers and constants of the code itself) and
/// `sql:` (another fragment) are written into the text.
struct StoreSQL: ExpressibleByStringInterpolation, Sendable {
    enum Piece: Sendable {
        case text(String)
        case value(StoreValue)
    }

    var pieces: [Piece]

    init(pieces: [Piece]) { self.pieces = pieces }
    init(stringLiteral value: String) { pieces = [.text(value)] }
    init(stringInterpolation: StringInterpolation) { pieces = stringInterpolation.pieces }

    struct StringInterpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) { pieces.append(.text(literal)) }

        mutating func appendInterpolation(_ value: some StoreValueConvertible) { pieces.append(.value(value.storeValue)) }

        /// NULL when absent: an optional is a value of its own here, not its debug description.
        mutating func appendInterpolation<Value: StoreValueConvertible>(_ value: Value?) { pieces.append(.value(value.storeValue)) }

        /// `(?, ?, ?)`; an empty list is `(NULL)`, which `IN` matches nothing with on both backends.
        mutating func appendInterpolation(list values: [some StoreValueConvertible]) {
            guard !values.isEmpty else { return pieces.append(.text("(NULL)")) }
            pieces.append(.text("("))
            for (index, value) in values.enumerated() {
                if index > 0 { pieces.append(.text(", ")) }
                pieces.append(.value(value.storeValue))
            }
            pieces.append(.text(")"))
        }

        mutating func appendInterpolation(sql: StoreSQL) { pieces += sql.pieces }

        mutating func appendInterpolation(raw text: String) { pieces.append(.text(text)) }
    }

    static func + (lhs: StoreSQL, rhs: StoreSQL) -> StoreSQL { StoreSQL(pieces: lhs.pieces + rhs.pieces) }

    /// The text with each value's placeholder made by `placeholder(n)` (n from 1), and the values in order.
    func rendered(placeholder: (Int) -> String) -> (sql: String, values: [StoreValue]) {
        var sql = "", values: [StoreValue] = []
        for piece in pieces {
            switch piece {
            case .text(let text): sql += text
            case .value(let value):
                values.append(value)
                sql += placeholder(values.count)
            }
        }
        return (sql, values)
    }
}

extension Array where Element == StoreSQL {
    func joined(separator: String) -> StoreSQL {
        var pieces: [StoreSQL.Piece] = []
        for (index, fragment) in enumerated() {
            if index > 0 { pieces.append(.text(separator)) }
            pieces += fragment.pieces
        }
        return StoreSQL(pieces: pieces)
    }
}
