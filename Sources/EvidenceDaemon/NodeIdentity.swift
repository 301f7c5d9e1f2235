import EvidenceStore
import Foundation

/// This process as a node of the store.
enum NodeIdentity {
    /// `configured` (`daemon.node_id`), else host name, pid and a random suffix: a restarted
    /// process is a new node, and two processes on one machine never share an id.
    static func make(configured: String?, role: DaemonRole, leaseSeconds: Double, now: Date = Date()) -> NodeInfo {
        let host = hostName
        let pid = Int(getpid())
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return NodeInfo(id: configured ?? "\(host)-\(pid)-\(suffix)", host: host, pid: pid, role: role.rawValue,
                        leaseSeconds: leaseSeconds, startedAt: now)
    }

    /// gethostname(2): no name service asked.
    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether a process `pid` of this machine is alive (signal 0 checks without sending).
    static func isRunning(_ pid: Int) -> Bool {
        guard pid > 0, let pid = Int32(exactly: pid) else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
