import EvidenceModel
import Foundation

/// A value bound to a statement or read from a row, the same for both backends: each backend turns
/// it into its own (SQLite keeps dates as GRDB's text and booleans as 0/1, PostgreSQL as
/// `timestamptz` and `boolean`).
enum StoreValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bool(Bool)
    case date(Date)
}

/// A Swift value that is stored in one column.
protocol StoreValueConvertible {
    var storeValue: StoreValue { get }
    /// Nil when the stored value is null or of another kind.
    init?(storeValue: StoreValue)
}

extension Optional: StoreValueConvertible where Wrapped: StoreValueConvertible {
    var storeValue: StoreValue { self?.storeValue ?? .null }
    init?(storeValue: StoreValue) {
        if storeValue == .null { self = .none } else if let value = Wrapped(storeValue: storeValue) { self = value } else { return nil }
    }
}

extension String: StoreValueConvertible {
    var storeValue: StoreValue { .text(self) }
    init?(storeValue: StoreValue) {
        guard case .text(let text) = storeValue else { return nil }
        self = text
    }
}

extension Int64: StoreValueConvertible {
    var storeValue: StoreValue { .integer(self) }
    init?(storeValue: StoreValue) {
        switch storeValue {
        case .integer(let value): self = value
        case .real(let value): self = Int64(value)
        case .bool(let value): self = value ? 1 : 0
        default: return nil
        }
    }
}

extension Int: StoreValueConvertible {
    var storeValue: StoreValue { .integer(Int64(self)) }
    init?(storeValue: StoreValue) {
        guard let value = Int64(storeValue: storeValue) else { return nil }
        self = Int(value)
    }
}

extension Double: StoreValueConvertible {
    var storeValue: StoreValue { .real(self) }
    init?(storeValue: StoreValue) {
        switch storeValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: StoreValueConvertible {
    var storeValue: StoreValue { .bool(self) }
    init?(storeValue: StoreValue) {
        switch storeValue {
        case .bool(let value): self = value
        case .integer(let value): self = value != 0  // SQLite
        default: return nil
        }
    }
}

extension Date: StoreValueConvertible {
    var storeValue: StoreValue { .date(self) }
    init?(storeValue: StoreValue) {
        switch storeValue {
        case .date(let date): self = date
        case .text(let text):  // SQLite: GRDB's "yyyy-MM-dd HH:mm:ss.SSS" in UTC
            guard let date = SQLiteStoreDatabase.date(fromText: text) else { return nil }
            self = date
        default: return nil
        }
    }
}

/// The enums kept in a column as their raw values (the codes the migrations' CHECKs list).
protocol StoredRawValue: StoreValueConvertible, RawRepresentable where RawValue == String {}

extension StoredRawValue {
    var storeValue: StoreValue { .text(rawValue) }
    init?(storeValue: StoreValue) {
        guard case .text(let text) = storeValue else { return nil }
        self.init(rawValue: text)
    }
}

extension DocumentState: StoredRawValue {}
extension SubmissionState: StoredRawValue {}
extension DecisionAction: StoredRawValue {}
extension UserRole: StoredRawValue {}
extension FlagReason: StoredRawValue {}
extension FileFormat: StoredRawValue {}
extension Submission.Level: StoredRawValue {}
extension DocumentField: StoredRawValue {}

/// A Codable value kept as JSON text, encoded as GRDB encodes a record's nested values, so rows
/// written before the store had two backends read back the same.
struct StoredJSON<Value: Codable>: StoreValueConvertible {
    var value: Value

    init(_ value: Value) { self.value = value }

    var storeValue: StoreValue {
        let encoder = JSONEncoder()
        encoder.dataEncodingStrategy = .base64
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        // The values are the store's own model types: encoding them cannot fail short of a
        // non-finite number, which no extractor produces.
        guard let data = try? encoder.encode(value) else { return .null }
        return .text(String(decoding: data, as: UTF8.self))
    }

    init?(storeValue: StoreValue) {
        guard case .text(let text) = storeValue else { return nil }
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .base64
        decoder.dateDecodingStrategy = .millisecondsSince1970
        guard let value = try? decoder.decode(Value.self, from: Data(text.utf8)) else { return nil }
        self.value = value
    }
}
