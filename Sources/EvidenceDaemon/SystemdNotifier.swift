#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// sd_notify without libsystemd: one datagram to the unix socket named by `NOTIFY_SOCKET`.
/// Does nothing (and returns false) when the variable is unset, i.e. when not run by systemd
/// with `Type=notify`. Stateless and cheap: each call opens, sends and closes a socket.
package struct SystemdNotifier: Sendable {
    /// The socket path; a leading `@` names an abstract socket.
    package let socketPath: String?

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(socketPath: environment["NOTIFY_SOCKET"])
    }

    package init(socketPath: String?) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
    }

    package var isEnabled: Bool { socketPath != nil }

    /// Startup is finished: the store is open and the inbox is watched.
    @discardableResult
    package func ready(status: String? = nil) -> Bool {
        notify(["READY=1"] + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? []))
    }

    /// Graceful shutdown has begun.
    @discardableResult
    package func stopping(status: String? = nil) -> Bool {
        notify(["STOPPING=1"] + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? []))
    }

    /// Free-form line shown by `systemctl status`.
    @discardableResult
    package func status(_ text: String) -> Bool {
        notify(["STATUS=\(Self.oneLine(text))"])
    }

    /// Sends `KEY=VALUE` assignments, one per line, in one datagram. True when the datagram was sent.
    @discardableResult
    package func notify(_ assignments: [String]) -> Bool {
        guard let socketPath, !assignments.isEmpty else { return false }
        let message = assignments.joined(separator: "\n")
        #if os(Linux)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        // Abstract namespace: the name starts with a NUL byte instead of '@'.
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: pathBytes)
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? MemoryLayout<sa_family_t>.size
        let length = socklen_t(pathOffset + pathBytes.count)

        let sent = message.utf8CString.withUnsafeBufferPointer { text in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    #if os(Linux)
                    sendto(descriptor, text.baseAddress, text.count - 1, Int32(MSG_NOSIGNAL), socketAddress, length)
                    #else
                    sendto(descriptor, text.baseAddress, text.count - 1, 0, socketAddress, length)
                    #endif
                }
            }
        }
        return sent == message.utf8.count
    }

    /// STATUS= ends at a newline: keep a status to its first line.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}
