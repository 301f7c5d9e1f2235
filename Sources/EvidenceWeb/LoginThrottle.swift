import Foundation

/// Failed logins counted per account and per address over a sliding window: past the limit, that
/// account (or address) is refused until the window has passed, whatever the password. Kept in
/// memory: a restart forgives, which costs an attacker a restart they cannot cause.
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    let window: TimeInterval
    let perAccount: Int
    let perAddress: Int

    init(window: TimeInterval = 15 * 60, perAccount: Int = 5, perAddress: Int = 20) {
        self.window = window; self.perAccount = perAccount; self.perAddress = perAddress
    }

    /// Records a try before the password is checked (so a burst of simultaneous tries cannot all
    /// pass), and returns the seconds to wait, or nil when this try may go on. Tries also wait while
    /// `maxInFlight` password checks (bcrypt, deliberately slow) are running.
    func attempt(account: String, address: String, now: Date = Date()) -> TimeInterval? {
        if let wait = wait(account: account, address: address, now: now) { return wait }
        guard inFlight < maxInFlight else { return 1 }
        failed(account: account, address: address, now: now)
        return nil
    }

    private var inFlight = 0
    let maxInFlight = 8

    /// Seconds to wait before trying again, or nil when a try is allowed.
    func wait(account: String, address: String, now: Date = Date()) -> TimeInterval? {
        let checks = [("account:" + account.lowercased(), perAccount), ("address:" + address, perAddress)]
        var longest: TimeInterval?
        for (key, limit) in checks {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= limit, let oldest = recent.first {
                longest = max(longest ?? 0, window - now.timeIntervalSince(oldest))
            }
        }
        return longest
    }

    func failed(account: String, address: String, now: Date = Date()) {
        failures["account:" + account.lowercased(), default: []].append(now)
        failures["address:" + address, default: []].append(now)
        // Bounded memory under a flood of addresses: the oldest entries go, accounts' counts stay.
        if failures.count > 100_000 {
            for key in failures.keys where key.hasPrefix("address:") && (failures[key]?.last).map({ now.timeIntervalSince($0) >= window / 3 }) ?? true {
                failures[key] = nil
            }
        }
    }

    /// A right password: the account's count is cleared and the address's try forgiven (an office
    /// behind one address logs in many people).
    func succeeded(account: String, address: String) {
        failures["account:" + account.lowercased()] = nil
        if var recent = failures["address:" + address], !recent.isEmpty {
            recent.removeLast()
            failures["address:" + address] = recent.isEmpty ? nil : recent
        }
    }

    func checking() { inFlight += 1 }
    func checked() { inFlight = max(0, inFlight - 1) }
}
