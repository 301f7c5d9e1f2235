package import Foundation

extension FileSniffer {
    /// A ZIP that is not an Office package: an archive of files (a `.zip` given as one evidence
    /// item). A ZIP that cannot be opened is left to extraction, which says why as for a damaged
    /// Office file.
    package static func isArchive(fileAt url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4), isZIP(head) else { return false }
        guard let package = try? OfficePackage(url: url) else { return false }
        return package.format == nil
    }
}
