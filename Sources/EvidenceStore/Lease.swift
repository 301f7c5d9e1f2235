package import Foundation

/// A node's hold on the work it claimed: which node, and how long a claim lasts unless renewed.
///
/// Several daemons (nodes) share one database: a document to extract or a submission to check is
/// claimed by one node with a lease that the node's heartbeat renews while it works. A node killed
/// with -9 or cut off the network stops renewing, its leases expire, and any node claims the work
/// again. Finishing checks the lease is still this node's, so a node that lost its lease never
/// overwrites the result of the node that took the work over.
package struct Lease: Sendable, Hashable {
    /// The node's id (`nodes.id`).
    package var node: String
    /// How long a claim lasts from its claim or last renewal.
    package var seconds: TimeInterval

    package init(node: String, seconds: TimeInterval) {
        self.node = node; self.seconds = seconds
    }

    package func expiry(from now: Date) -> Date { now.addingTimeInterval(seconds) }

    /// For a process alone on its store that renews nothing (tests, tools): a day, longer than any
    /// document's deadline, so its own work in flight never expires under it.
    package static let unshared = Lease(node: "local", seconds: 86_400)
}
