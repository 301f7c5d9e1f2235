import EvidenceModel
import Foundation
import EvidenceStoreTesting
import Testing
@testable import EvidenceStore

/// The roster in one transaction: all of it or nothing, and a second run creates no second account.
@Suite struct UnitImportTests {
    static let roster = [
        UnitRosterEntry(line: 2, unit: .init(code: "H-BATO", name: "UBND huyện Ba Tơ", level: .district),
                        parentBody: "UBND tỉnh Quảng Ngãi", contact: "bato@quangngai.gov.vn"),
        UnitRosterEntry(line: 3, unit: .init(code: "X-BATHANH", name: "UBND xã Ba Thành", level: .commune), parentBody: "UBND huyện Ba Tơ"),
    ]

    @Test(arguments: StoreBackend.allCases) func importsUnitsAndAccountsOnceAndUpdatesThemOnASecondRun(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(try store.unitsWithoutAccount(["H-BATO", "X-BATHANH"]) == ["H-BATO", "X-BATHANH"])
        let first = try store.importUnits(Self.roster, passwordHashes: ["H-BATO": "hash-1", "X-BATHANH": "hash-2"])
        #expect(first.newAccounts.map(\.accountName) == ["h-bato", "x-bathanh"])
        #expect(first.newUnits == ["H-BATO", "X-BATHANH"])
        #expect(try store.credentials(of: "h-bato")?.passwordHash == "hash-1")
        #expect(try store.user(named: "x-bathanh")?.unitCode == "X-BATHANH")
        #expect(try store.unitsWithoutAccount(["H-BATO", "X-BATHANH"]).isEmpty)

        var changed = Self.roster
        changed[1].unit.name = "UBND xã Ba Thành (mới)"
        changed[1].contact = "0912 345 678"
        let second = try store.importUnits(changed, passwordHashes: [:])
        #expect(second.newAccounts.isEmpty && second.newUnits.isEmpty)
        #expect(second.updatedUnits == ["X-BATHANH"] && second.unchangedUnits == ["H-BATO"])
        #expect(try store.credentials(of: "h-bato")?.passwordHash == "hash-1", "a second run keeps the password")
        #expect(try store.rosterEntry(code: "X-BATHANH")?.contact == "0912 345 678")
        #expect(try store.users().count == 2)
    }

    @Test(arguments: StoreBackend.allCases) func aUnitWithAnAccountAlreadyGetsNoSecondOne(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try store.addUser(UserAccount(name: "bato", role: .unit, unitCode: "H-BATO"), passwordHash: "old",
                          unit: .init(code: "H-BATO", name: "Ba Tơ", level: .district))
        let outcome = try store.importUnits(Self.roster, passwordHashes: ["X-BATHANH": "hash-2"])
        #expect(outcome.newAccounts.map(\.unit.code) == ["X-BATHANH"])
        #expect(outcome.updatedUnits == ["H-BATO"])
        #expect(try store.user(named: "h-bato") == nil)
        #expect(try store.unit(code: "H-BATO")?.name == "UBND huyện Ba Tơ")
    }

    @Test(arguments: StoreBackend.allCases) func anAccountNameHeldByAnotherAccountRefusesTheWholeRoster(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try store.addUser(UserAccount(name: "x-bathanh", role: .appraiser), passwordHash: "x")
        #expect(throws: UnitRosterError([UnitRosterProblem(line: 3,
            "tên tài khoản 'x-bathanh' đã thuộc tài khoản appraiser khác (account name taken by another appraiser account)")])) {
            try store.importUnits(Self.roster, passwordHashes: ["H-BATO": "h", "X-BATHANH": "x"])
        }
        // Nothing half-imported: not even the first row's unit.
        #expect(try store.units().isEmpty)
        #expect(try store.user(named: "h-bato") == nil)
    }

    @Test(arguments: StoreBackend.allCases) func aUnitThatGotNoPasswordHashIsRefusedNotLeftWithoutPassword(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(throws: UnitRosterError.self) { try store.importUnits(Self.roster, passwordHashes: ["H-BATO": "h"]) }
        #expect(try store.units().isEmpty)
    }

    @Test(arguments: StoreBackend.allCases) func addingAUnitAccountKeepsWhatTheRosterSaid(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.importUnits([Self.roster[0]], passwordHashes: ["H-BATO": "h"])
        try store.addUser(UserAccount(name: "bato2", role: .unit, unitCode: "H-BATO"), passwordHash: "y",
                          unit: .init(code: "H-BATO", name: "UBND huyện Ba Tơ", level: .district))
        #expect(try store.rosterEntry(code: "H-BATO")?.parentBody == "UBND tỉnh Quảng Ngãi")
    }
}
