import EvidenceModel
import Foundation
import GRDB

/// A row of `documents`: one evidence file by content. See `Store+Migrations.swift` for the schema.
struct DocumentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "documents"

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

    enum Columns {
        static let sha256 = Column(CodingKeys.sha256)
        static let state = Column(CodingKeys.state)
        static let attempts = Column(CodingKeys.attempts)
        static let createdAt = Column(CodingKeys.createdAt)
        static let updatedAt = Column(CodingKeys.updatedAt)
        static let extractedAt = Column(CodingKeys.extractedAt)
        static let pages = Column(CodingKeys.pages)
        static let failureCode = Column(CodingKeys.failureCode)
        static let failureMessage = Column(CodingKeys.failureMessage)
        static let bytes = Column(CodingKeys.bytes)
        static let numberKey = Column(CodingKeys.numberKey)
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
