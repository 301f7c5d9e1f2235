import EvidenceWeb
import Foundation
import Testing

/// Wrong passwords slow the guesser at their own address; they never lock the account out of
/// an address that has not failed.
@Suite struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aGuesserWaitsLongerAfterEachFailureAndOnlyAtItsAddress() async {
        let throttle = LoginThrottle()
        for attempt in 0..<5 {
            #expect(await throttle.attempt(account: "admin", address: "203.0.113.9", now: start.addingTimeInterval(Double(attempt))) == nil)
        }
        let first = await throttle.wait(account: "admin", address: "203.0.113.9", now: start.addingTimeInterval(5))
        #expect(first.map { $0 > 20 && $0 <= 30 } == true)
        // The same account from the office: not slowed at all.
        #expect(await throttle.attempt(account: "admin", address: "198.51.100.7", now: start.addingTimeInterval(6)) == nil)
        await throttle.succeeded(account: "admin", address: "198.51.100.7", now: start.addingTimeInterval(6))
        // Once the delay has passed, one more failure doubles it.
        #expect(await throttle.attempt(account: "admin", address: "203.0.113.9", now: start.addingTimeInterval(40)) == nil)
        let second = await throttle.wait(account: "admin", address: "203.0.113.9", now: start.addingTimeInterval(40))
        #expect(second.map { $0 > 50 && $0 <= 60 } == true)
        // Never longer than the longest delay, however many failures.
        var now = start.addingTimeInterval(100)
        for _ in 0..<30 {
            if let wait = await throttle.wait(account: "admin", address: "203.0.113.9", now: now) { now = now.addingTimeInterval(wait + 1) }
            await throttle.failed(account: "admin", address: "203.0.113.9", now: now)
        }
        let longest = await throttle.wait(account: "admin", address: "203.0.113.9", now: now)
        #expect(longest.map { $0 <= 15 * 60 } == true)
    }

    @Test func sprayingFromOneAddressSlowsItButNotAnAccountThatLoggedInThere() async {
        let throttle = LoginThrottle()
        await throttle.succeeded(account: "chairman", address: "192.0.2.1", now: start)
        for index in 0..<20 {
            await throttle.failed(account: "user\(index)", address: "192.0.2.1", now: start.addingTimeInterval(Double(index)))
        }
        #expect(await throttle.wait(account: "someone-else", address: "192.0.2.1", now: start.addingTimeInterval(21)) != nil)
        #expect(await throttle.wait(account: "chairman", address: "192.0.2.1", now: start.addingTimeInterval(21)) == nil)
        #expect(await throttle.wait(account: "someone-else", address: "192.0.2.2", now: start.addingTimeInterval(21)) == nil)
    }
}
