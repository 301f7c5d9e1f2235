import Dispatch
package import EvidenceModel
package import EvidenceStore

/// The roster import behind `evidenced users import` and the admin page: one-time passwords for
/// the units without an account, hashed on every core before the store's one transaction (at most
/// `Secrets.generatedPasswordCost`: 700 units would otherwise hold the writer minutes).
/// Blocking: call it off the concurrency pool.
package struct UnitImport {
    package var store: Store
    package var passwordCost: UInt8

    package init(store: Store, passwordCost: UInt8 = 12) { self.store = store; self.passwordCost = passwordCost }

    /// What was done, and each new account's password (by unit code), shown once.
    package func run(_ entries: [UnitRosterEntry]) throws -> (outcome: UnitImportOutcome, passwords: [String: String]) {
        let needing = try store.unitsWithoutAccount(entries.map(\.unit.code)).sorted()
        let passwords = Dictionary(uniqueKeysWithValues: needing.map { ($0, Secrets.password()) })
        var hashes = [String](repeating: "", count: needing.count)
        let cost = min(passwordCost, Secrets.generatedPasswordCost)
        hashes.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own index only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: needing.count) { index in
                slots[index] = Secrets.hash(password: passwords[needing[index]]!, cost: cost)
            }
        }
        let outcome = try store.importUnits(entries, passwordHashes: Dictionary(uniqueKeysWithValues: zip(needing, hashes)))
        let created = Set(outcome.newAccounts.map(\.unit.code))
        return (outcome, passwords.filter { created.contains($0.key) })
    }
}
