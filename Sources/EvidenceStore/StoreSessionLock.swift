/// A lock that one process at a time holds, for as long as it likes, across every machine on the
/// store: the daemons' intake (one node takes uploads out of the shared inbox; the others stand by
/// and one of them takes over when it stops or dies).
///
/// On PostgreSQL a session-level advisory lock on a connection of its own: the server releases it
/// when that connection ends, so a node killed or cut off loses it without anyone's help. SQLite is
/// one machine's file, so there the lock is always held.
package protocol StoreSessionLock: Sendable {
    /// Takes the lock, or confirms it is still held (its connection alive); false while another
    /// process holds it. Does not wait.
    func tryAcquire() throws -> Bool
    /// Gives it up (nothing when not held).
    func release()
}

extension StoreDatabase {
    func sessionLock(key: Int64) -> any StoreSessionLock { HeldLock() }
}

/// SQLite's: always held.
struct HeldLock: StoreSessionLock {
    func tryAcquire() throws -> Bool { true }
    func release() {}
}

extension Store {
    /// "intk": the key of the intake lock.
    static let intakeLockKey: Int64 = 0x696e_746b

    /// The lock of the node that takes uploads out of the inbox.
    package func intakeLock() -> any StoreSessionLock { database.sessionLock(key: Self.intakeLockKey) }
}
