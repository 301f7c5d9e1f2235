import Foundation

/// A score as a person reads it, on every page, message and report: Vietnamese writes the decimal
/// comma ("3", "0,5", "1,25"). Machine output (JSON, CSV) keeps numbers with '.' and never uses this.
package enum Points {
    /// At most two decimals, trailing zeros dropped. Locale-free on purpose: the same text whatever
    /// the server's LANG, and a stored flag message reads as the page beside it.
    package static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
