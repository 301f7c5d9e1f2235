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
        if failures.count > 100_000 { failures.removeAll() }  // bounded memory under a flood
    }

    func succeeded(account: String) {
        failures["account:" + account.lowercased()] = nil
    }
}
