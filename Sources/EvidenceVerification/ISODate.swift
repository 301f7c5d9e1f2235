import Foundation

/// A calendar date written yyyy-MM-dd, validated (month lengths, leap years) without Foundation's
/// time zones. Ordered like its text.
package struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int, month: Int, day: Int

    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    package var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// dd/MM/yyyy, as Vietnamese documents write dates.
    package var display: String { String(format: "%02d/%02d/%04d", day, month, year) }

    package static func < (a: ISODate, b: ISODate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
