import EvidenceModel
import Foundation

/// A row of `submissions`: the latest revision of one manifest. See `Store+Migrations.swift`.
struct SubmissionRecord: StoreRecord {
    static let table = "submissions"
    static let primaryKey = ["id"]

    /// The manifest's `submission` string.
    var id: String
    var unitCode: String
    var unitName: String
    var unitLevel: Submission.Level
    var framework: String
    var periodFrom: String
    var periodTo: String
    /// JSON: the whole `Submission`.
    var manifest: Submission
    /// Of the manifest's bytes, to tell an unchanged re-upload from a changed one.
    var manifestSHA256: String
    var revision: Int
    var state: SubmissionState
    var failureReason: String?
    var createdAt: Date
    var updatedAt: Date
    var checkedAt: Date?
    /// v5: a unit's pre-check, whose flags stay with the unit.
    var precheck: Bool

    init(id: String, unitCode: String, unitName: String, unitLevel: Submission.Level, framework: String,
         periodFrom: String, periodTo: String, manifest: Submission, manifestSHA256: String, revision: Int,
         state: SubmissionState, failureReason: String?, createdAt: Date, updatedAt: Date, checkedAt: Date?,
         precheck: Bool) {
        self.id = id; self.unitCode = unitCode; self.unitName = unitName; self.unitLevel = unitLevel
        self.framework = framework; self.periodFrom = periodFrom; self.periodTo = periodTo; self.manifest = manifest
        self.manifestSHA256 = manifestSHA256; self.revision = revision; self.state = state
        self.failureReason = failureReason; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.checkedAt = checkedAt; self.precheck = precheck
    }

    init(row: StoreRow) throws {
        guard let manifest = try row.json("manifest", as: Submission.self) else {
            throw StoreRowError.unexpectedValue(column: "manifest", found: "null")
        }
        self.init(id: try row.get("id"), unitCode: try row.get("unitCode"), unitName: try row.get("unitName"),
                  unitLevel: try row.get("unitLevel"), framework: try row.get("framework"),
                  periodFrom: try row.get("periodFrom"), periodTo: try row.get("periodTo"), manifest: manifest,
                  manifestSHA256: try row.get("manifestSHA256"), revision: try row.get("revision"),
                  state: try row.get("state"), failureReason: row["failureReason"], createdAt: try row.get("createdAt"),
                  updatedAt: try row.get("updatedAt"), checkedAt: row["checkedAt"], precheck: try row.get("precheck"))
    }

    var columns: [(String, StoreValue)] {
        [("id", id.storeValue), ("unitCode", unitCode.storeValue), ("unitName", unitName.storeValue),
         ("unitLevel", unitLevel.storeValue), ("framework", framework.storeValue),
         ("periodFrom", periodFrom.storeValue), ("periodTo", periodTo.storeValue),
         ("manifest", StoredJSON(manifest).storeValue), ("manifestSHA256", manifestSHA256.storeValue),
         ("revision", revision.storeValue), ("state", state.storeValue), ("failureReason", failureReason.storeValue),
         ("createdAt", createdAt.storeValue), ("updatedAt", updatedAt.storeValue), ("checkedAt", checkedAt.storeValue),
         ("precheck", precheck.storeValue)]
    }

    var unit: Submission.Unit { Submission.Unit(code: unitCode, name: unitName, level: unitLevel) }
}
