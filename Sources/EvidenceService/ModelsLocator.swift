package import Foundation

/// Where the indicator frameworks are: the configured directory when it exists, else `models/`
/// in the working directory (a checkout), else beside the executable's prefix.
package enum ModelsLocator {
    package static func directory(configured: String?) -> URL {
        var candidates: [String] = []
        if let configured { candidates.append(configured) }
        candidates.append(FileManager.default.currentDirectoryPath + "/models")
        candidates.append(Configuration.defaultModelsDirectory)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/evidenced/models").path)
        let found = candidates.first { FileManager.default.fileExists(atPath: $0 + "/frameworks") }
        return URL(fileURLWithPath: found ?? candidates[0], isDirectory: true)
    }

    package static func frameworks(configured: String?) -> URL {
        directory(configured: configured).appendingPathComponent("frameworks", isDirectory: true)
    }
}
