package import Foundation

/// Failed logins, counted per (account, address) and per address over a sliding window, answered
/// with delays that double rather than a lock-out: a guesser at one address slows down quickly,
/// while the same account from an address that has not failed stays usable (an attacker's wrong
/// passwords can never lock a real officer out from their own office). An address that fails
/// against many accounts (spraying) is slowed for every account it tries, except one that has
/// logged in from there before. Kept in memory: a restart forgives, which costs an attacker a
/// restart they cannot cause.
package actor LoginThrottle {
    private var pairs: [String: [Date]] = [:]
    private var addresses: [String: [Date]] = [:]
    /// (account, address) pairs that logged in successfully, and when: exempt from the address's
    /// spraying delay (a colleague's mistakes behind the same office address).
    private var trusted: [String: Date] = [:]
    let window: TimeInterval
    /// Failures of one account from one address before the first delay.
    let perPair: Int
    /// Failures from one address, all accounts together, before that address is slowed.
    let perAddress: Int
    /// The first delay; each further failure doubles it, up to `longestDelay`.
    let firstDelay: TimeInterval
    let longestDelay: TimeInterval

    package init(window: TimeInterval = 15 * 60, perPair: Int = 5, perAddress: Int = 20,
         firstDelay: TimeInterval = 30, longestDelay: TimeInterval = 15 * 60) {
        self.window = window; self.perPair = perPair; self.perAddress = perAddress
        self.firstDelay = firstDelay; self.longestDelay = longestDelay
    }

    /// Records a try before the password is checked (so a burst of simultaneous tries cannot all
    /// pass), and returns the seconds to wait, or nil when this try may go on. Tries also wait while
    /// `maxInFlight` password checks (bcrypt, deliberately slow) are running.
    package func attempt(account: String, address: String, now: Date = Date()) -> TimeInterval? {
        if let wait = wait(account: account, address: address, now: now) { return wait }
        guard inFlight < maxInFlight else { return 1 }
        failed(account: account, address: address, now: now)
        return nil
    }

    private var inFlight = 0
    let maxInFlight = 8

    /// Seconds to wait before trying again, or nil when a try is allowed.
    package func wait(account: String, address: String, now: Date = Date()) -> TimeInterval? {
        let pair = Self.pair(account, address)
        var longest = delay(recent(&pairs, pair, now: now), limit: perPair, now: now)
        if trusted[pair].map({ now.timeIntervalSince($0) < Self.trustLifetime }) != true,
           let spraying = delay(recent(&addresses, address, now: now), limit: perAddress, now: now) {
            longest = max(longest ?? 0, spraying)
        }
        return longest
    }

    /// Past `limit` failures, the delay since the last one: `firstDelay` doubled for each failure
    /// beyond the limit, at most `longestDelay`; nil once it has passed.
    private func delay(_ failures: [Date], limit: Int, now: Date) -> TimeInterval? {
        guard failures.count >= limit, let last = failures.last else { return nil }
        let doublings = min(failures.count - limit, 20)
        let delay = min(firstDelay * pow(2, Double(doublings)), longestDelay)
        let remaining = delay - now.timeIntervalSince(last)
        return remaining > 0 ? remaining : nil
    }

    private func recent(_ table: inout [String: [Date]], _ key: String, now: Date) -> [Date] {
        let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
        table[key] = recent.isEmpty ? nil : recent
        return recent
    }

    package func failed(account: String, address: String, now: Date = Date()) {
        pairs[Self.pair(account, address), default: []].append(now)
        addresses[address, default: []].append(now)
        // Bounded memory under a flood of names or addresses: entries past the window go.
        let window = window
        let current = { (entry: (key: String, value: [Date])) in entry.value.last.map { now.timeIntervalSince($0) < window } ?? false }
        if pairs.count > 100_000 { pairs = pairs.filter(current) }
        if addresses.count > 100_000 { addresses = addresses.filter(current) }
        if trusted.count > 100_000 { trusted = trusted.filter { now.timeIntervalSince($0.value) < Self.trustLifetime } }
    }

    /// A right password: the pair's count is cleared, the pair trusted, and the address's try
    /// forgiven (an office behind one address logs in many people).
    package func succeeded(account: String, address: String, now: Date = Date()) {
        let pair = Self.pair(account, address)
        pairs[pair] = nil
        trusted[pair] = now
        if var recent = addresses[address], !recent.isEmpty {
            recent.removeLast()
            addresses[address] = recent.isEmpty ? nil : recent
        }
    }

    func checking() { inFlight += 1 }
    func checked() { inFlight = max(0, inFlight - 1) }

    static let trustLifetime: TimeInterval = 30 * 24 * 3600

    private static func pair(_ account: String, _ address: String) -> String { account.lowercased() + "\u{1F}" + address }
}
