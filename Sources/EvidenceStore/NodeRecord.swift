import Foundation

/// A row of `nodes` (v11): one daemon sharing the store, and when it last said it was alive.
struct NodeRecord: StoreRecord {
    static let table = "nodes"
    static let primaryKey = ["id"]

    var node: NodeInfo
    var heartbeatAt: Date

    init(node: NodeInfo, heartbeatAt: Date) {
        self.node = node; self.heartbeatAt = heartbeatAt
    }

    init(row: StoreRow) throws {
        self.init(node: NodeInfo(id: try row.get("id"), host: try row.get("host"), pid: try row.get("pid"),
                                 role: try row.get("role"), leaseSeconds: try row.get("leaseSeconds"),
                                 startedAt: try row.get("startedAt")),
                  heartbeatAt: try row.get("heartbeatAt"))
    }

    var columns: [(String, StoreValue)] {
        [("id", node.id.storeValue), ("host", node.host.storeValue), ("pid", node.pid.storeValue),
         ("role", node.role.storeValue), ("leaseSeconds", node.leaseSeconds.storeValue),
         ("startedAt", node.startedAt.storeValue), ("heartbeatAt", heartbeatAt.storeValue)]
    }
}
