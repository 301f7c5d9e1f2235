import EvidenceModel
import Foundation

/// A row of `documents`: one evidence file by content. See `Store+Migrations.swift` for the schema.
struct DocumentRecord: StoreRecord {
    static let table = "documents"
    static let primaryKey = ["sha256"]

    var sha256: String
    /// The file name it was first seen under, for people reading `status`.
    var name: String?
    var format: FileFormat?
    var pages: Int?
    /// JSON: the whole `ExtractedDocument`, so the text is never extracted twice.
    var extracted: ExtractedDocument?
    /// JSON: `DocumentFields`.
    var fields: DocumentFields?
    /// Copied out of `fields` so duplicate-evidence lookups need no JSON.
    var number: String?
    var issuer: String?
    var state: DocumentState
    /// An `ExtractionFailure.Code` raw value, kept as text so a code from a newer version still reads.
    var failureCode: String?
    var failureMessage: String?
    var attempts: Int
    var createdAt: Date
    var updatedAt: Date
    var extractedAt: Date?
    /// The file's size, when known at intake: larger files are taken first within an arrival.
    var bytes: Int?
    /// `DocumentNumber.key` of the number when number and issuer are both trusted (v3, indexed):
    /// duplicate-evidence finds the same document in other submissions by it, without a scan.
    var numberKey: String?

    init(sha256: String, name: String?, format: FileFormat?, pages: Int?, extracted: ExtractedDocument?,
         fields: DocumentFields?, number: String?, issuer: String?, state: DocumentState, failureCode: String?,
         failureMessage: String?, attempts: Int, createdAt: Date, updatedAt: Date, extractedAt: Date?, bytes: Int?,
         numberKey: String?) {
        self.sha256 = sha256; self.name = name; self.format = format; self.pages = pages; self.extracted = extracted
        self.fields = fields; self.number = number; self.issuer = issuer; self.state = state
        self.failureCode = failureCode; self.failureMessage = failureMessage; self.attempts = attempts
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.extractedAt = extractedAt; self.bytes = bytes
        self.numberKey = numberKey
    }

    init(row: StoreRow) throws {
        self.init(sha256: try row.get("sha256"), name: row["name"], format: row["format"], pages: row["pages"],
                  extracted: try row.json("extracted"), fields: try row.json("fields"), number: row["number"],
                  issuer: row["issuer"], state: try row.get("state"), failureCode: row["failureCode"],
                  failureMessage: row["failureMessage"], attempts: try row.get("attempts"),
                  createdAt: try row.get("createdAt"), updatedAt: try row.get("updatedAt"),
                  extractedAt: row["extractedAt"], bytes: row["bytes"], numberKey: row["numberKey"])
    }

    var columns: [(String, StoreValue)] {
        [("sha256", sha256.storeValue), ("name", name.storeValue), ("format", format.storeValue),
         ("pages", pages.storeValue), ("extracted", extracted.map(StoredJSON.init).storeValue),
         ("fields", fields.map(StoredJSON.init).storeValue), ("number", number.storeValue),
         ("issuer", issuer.storeValue), ("state", state.storeValue), ("failureCode", failureCode.storeValue),
         ("failureMessage", failureMessage.storeValue), ("attempts", attempts.storeValue),
         ("createdAt", createdAt.storeValue), ("updatedAt", updatedAt.storeValue),
         ("extractedAt", extractedAt.storeValue), ("bytes", bytes.storeValue), ("numberKey", numberKey.storeValue)]
    }

    static func queued(sha256: String, name: String?, bytes: Int? = nil, at now: Date) -> DocumentRecord {
        DocumentRecord(sha256: sha256, name: name, format: nil, pages: nil, extracted: nil, fields: nil,
                       number: nil, issuer: nil, state: .queued, failureCode: nil, failureMessage: nil,
                       attempts: 0, createdAt: now, updatedAt: now, extractedAt: nil, bytes: bytes, numberKey: nil)
    }

    /// Sets the fields and what is copied out of them for lookups.
    mutating func setFields(_ fields: DocumentFields?) {
        self.fields = fields
        number = fields?.number
        issuer = fields?.issuer
        numberKey = Self.numberKey(of: fields)
    }

    static func numberKey(of fields: DocumentFields?) -> String? {
        guard let identity = fields?.identity() else { return nil }
        let key = DocumentNumber.key(identity.number)
        return key.isEmpty ? nil : key
    }

    var failure: ExtractionFailure? {
        guard let failureCode else { return nil }
        return ExtractionFailure(ExtractionFailure.Code(rawValue: failureCode) ?? .unreadableFile,
                                 failureMessage ?? failureCode)
    }

    var stored: StoredDocument {
        StoredDocument(sha256: sha256, state: state, extracted: extracted, fields: fields, failure: failure,
                       attempts: attempts, createdAt: createdAt, updatedAt: updatedAt)
    }
}
