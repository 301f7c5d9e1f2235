import EvidenceExtraction
import EvidenceModel
import Foundation

/// A `.zip` given as one evidence item: unpacked into a scratch folder with the inbox's limits
/// (no path out of the folder, no symbolic links, bounds on entries, sizes and ratio), each file
/// inside becoming a document of that item, named `ITEM/PATH` (a path no real file can have, the
/// item being a file). Nesting depth 1: an archive inside is kept as a member that is refused.
struct EvidenceArchive {
    struct Member: Sendable {
        /// `ITEM/PATH`, as flags and the store name it.
        var path: String
        var url: URL
        /// Why the member is not read (an archive inside an archive); nil when it is a document.
        var refusal: ExtractionFailure?
    }

    /// The members of `url`, unpacked under `scratch` (created; the caller removes it). A refused
    /// archive throws `ExtractionFailure`; a fault of this machine (a full disk) throws as it is,
    /// so the upload is kept and taken again rather than its evidence called unreadable.
    static func unpack(_ url: URL, item: String, into scratch: URL, unpacker: ArchiveUnpacker = ArchiveUnpacker()) throws -> [Member] {
        let files: [String]
        do { files = try unpacker.unpackFiles(url, into: scratch, readingManifest: false) } catch let refusal as ArchiveUnpacker.Refusal {
            throw ExtractionFailure(.refusedArchive, "The archive is refused: \(refusal).")
        }
        let members = files.filter { !isJunk($0) }.map { relative in
            let inner = scratch.appendingPathComponent(relative)
            return Member(path: item + "/" + relative, url: inner,
                          refusal: FileSniffer.isArchive(fileAt: inner)
                            ? ExtractionFailure(.refusedArchive, "'\(relative)' is an archive inside the archive \(item); archives are unpacked one level deep: give its files in the outer archive.")
                            : nil)
        }
        guard !members.isEmpty else { throw ExtractionFailure(.refusedArchive, "The archive holds no file.") }
        return members
    }

    /// What zipping tools add beside the files: never evidence.
    static func isJunk(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/")
        guard let name = parts.last else { return true }
        return parts.first == "__MACOSX" || name.hasPrefix("._") || [".DS_Store", "Thumbs.db", "desktop.ini"].contains(String(name))
    }

    /// A scratch folder beside `place` (same file system), hidden so the inbox scanner ignores it and
    /// removed as a leftover after a crash.
    static func scratch(beside place: URL) -> URL {
        place.appendingPathComponent(".unpacking-\(UUID().uuidString)", isDirectory: true)
    }
}
