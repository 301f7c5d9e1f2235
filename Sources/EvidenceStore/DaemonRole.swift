/// Which of the daemon's services a node runs (`evidenced run --role`): every node shares the
/// store's work, so an operator can add extraction-only machines beside one that takes uploads.
/// Kept with the store: each node's role is recorded in `nodes` (`NodeInfo.role`), and `/metrics`
/// counts the nodes of every role.
package enum DaemonRole: String, CaseIterable, Sendable {
    /// Intake, extraction and checks: a single machine, or any node of several.
    case all
    /// Takes uploads out of the inbox (one node at a time does; others with this role stand by).
    case intake
    /// Extracts documents, each in a worker process: the role that needs cores.
    case extract
    /// Checks submissions whose documents are read and queues their flags.
    case check

    package var takesUploads: Bool { self == .all || self == .intake }
    package var extracts: Bool { self == .all || self == .extract }
    package var checks: Bool { self == .all || self == .check }
}
