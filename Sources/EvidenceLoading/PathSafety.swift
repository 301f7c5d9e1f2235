import Foundation

/// Evidence paths must stay inside the submission folder: relative, no '..', no symlink out.
enum PathSafety {
    /// A problem with the path's text, before touching the disk.
    static func problem(of path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "'\(path)' must be relative to the submission folder, not absolute" }
        if path.contains("\\") { return "'\(path)' must use '/' between folders" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "'\(path)' contains control characters" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return "'\(path)' leaves the submission folder ('..')" }
        if parts.allSatisfy({ $0.isEmpty || $0 == "." }) { return "'\(path)' names no file" }
        return nil
    }

    /// A problem once symlinks are followed: the path (or a folder on it) leads outside `directory`.
    static func escape(of path: String, in directory: URL) -> String? {
        if let problem = problem(of: path) { return problem }
        let root = resolved(directory.path)
        let target = resolved(directory.appendingPathComponent(path).path)
        guard target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return "'\(path)' leaves the submission folder through a symbolic link"
        }
        return nil
    }

    /// The path with every symlink resolved, as far as the path exists; the rest appended as written.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let pointer = realpath(existing, nil) {
                defer { free(pointer) }
                var base = String(cString: pointer)
                for part in rest { base = (base as NSString).appendingPathComponent(part) }
                return base
            }
            guard !existing.isEmpty, existing != "/" else { return path }
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }
}
