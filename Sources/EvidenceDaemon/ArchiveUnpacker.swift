import EvidenceLoading
import EvidenceModel
import Foundation
import ZIPFoundation

/// A submission uploaded as one `.zip`, unpacked into a folder the intake then takes like any other.
/// Nothing of the archive may leave that folder or exhaust the disk: no absolute or `..` paths, no
/// symbolic links, bounds on the entries and on what they unpack to (counted while inflating: the
/// sizes an archive declares can lie), and archives inside it stay files (nesting depth 1).
struct ArchiveUnpacker: Sendable {
    var maxEntries = 2_000
    /// Bytes unpacked in all, and for one entry.
    var maxTotalBytes: Int64 = 2 << 30
    var maxEntryBytes: Int64 = 256 << 20
    /// An entry unpacking to more than this many times its packed size (past 1 MiB) is a bomb.
    var maxRatio: Int64 = 200

    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Writing an unpacked file failed on this machine (a full disk, an I/O error): not the
    /// archive's fault, so it is never a refusal.
    struct LocalWriteFailure: Error, CustomStringConvertible {
        var underlying: any Error
        var description: String { "writing the unpacked file failed: \(underlying)" }
    }

    /// Unpacks `archive` into `folder` (created); returns the folder holding `submission.json`:
    /// `folder` itself, or its one top-level folder when the archive was made of a folder.
    func unpack(_ archiveURL: URL, into folder: URL) throws -> URL {
        _ = try unpackFiles(archiveURL, into: folder, readingManifest: true)
        return try submissionFolder(in: folder)
    }

    /// Unpacks `archive` into `folder` (created); returns the relative paths of the files written,
    /// in the archive's order. With `readingManifest`, legacy-encoded names are read the way its
    /// `submission.json` writes them.
    func unpackFiles(_ archiveURL: URL, into folder: URL, readingManifest: Bool) throws -> [String] {
        let archive: Archive
        do { archive = try Archive(url: archiveURL, accessMode: .read) } catch {
            throw Refusal(description: "the archive cannot be opened: it is not a ZIP file or it is damaged")
        }
        let entries = Array(archive)
        guard entries.count <= maxEntries else {
            throw Refusal(description: "the archive holds \(entries.count) entries, more than \(maxEntries)")
        }
        let known = readingManifest ? try manifestNames(in: archive, entries: entries) : []
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var total: Int64 = 0
        var files: [String] = []
        for entry in entries {
            let name = ArchiveNames.decode(raw: Array(entry.path(using: .isoLatin1).unicodeScalars.map { UInt8($0.value) }),
                                           utf8Flag: entry.path == entry.path(using: .utf8), cp437: entry.path, known: known)
            let relative = try safeRelativePath(name)
            let target = folder.appendingPathComponent(relative)
            switch entry.type {
            case .symlink: throw Refusal(description: "'\(name)' is a symbolic link; an archive may hold files and folders only")
            case .directory:
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                continue
            case .file: break
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: target.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: target) else {
                // A full or failing disk is this machine's fault; anything else is the archive's.
                if [ENOSPC, EIO, EDQUOT, EROFS].contains(errno) {
                    throw LocalWriteFailure(underlying: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                }
                throw Refusal(description: "'\(name)' cannot be written (two entries with one name?)")
            }
            defer { try? handle.close() }
            var written: Int64 = 0
            let packed = max(Int64(entry.compressedSize), 1)
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    written += Int64(chunk.count); total += Int64(chunk.count)
                    if written > maxEntryBytes { throw Refusal(description: "'\(name)' unpacks to more than \(maxEntryBytes >> 20) MiB") }
                    if total > maxTotalBytes { throw Refusal(description: "the archive unpacks to more than \(maxTotalBytes >> 20) MiB") }
                    if written > 1 << 20, written / packed > maxRatio {
                        throw Refusal(description: "'\(name)' unpacks to more than \(maxRatio) times its packed size (a ZIP bomb?)")
                    }
                    do { try handle.write(contentsOf: chunk) } catch { throw LocalWriteFailure(underlying: error) }
                }
            } catch let refusal as Refusal {
                throw refusal
            } catch let local as LocalWriteFailure {
                throw local
            } catch {
                throw Refusal(description: "'\(name)' cannot be unpacked: the archive is damaged (\(error.localizedDescription))")
            }
            files.append(relative)
        }
        return files
    }

    /// The evidence file names of the archive's manifest (if it has one at its root or in its one
    /// folder), to read legacy-encoded names the way the unit wrote them.
    private func manifestNames(in archive: Archive, entries: [Entry]) throws -> Set<String> {
        guard let manifest = entries.first(where: { $0.type == .file && ($0.path as NSString).lastPathComponent == SubmissionLoader.manifestName }),
              manifest.uncompressedSize < 4 << 20 else { return [] }
        var data = Data()
        _ = try? archive.extract(manifest) { data.append($0) }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let claims = json["claims"] as? [[String: Any]] else { return [] }
        let prefix = (manifest.path as NSString).deletingLastPathComponent
        var names: Set<String> = []
        for claim in claims {
            for evidence in claim["evidence"] as? [[String: Any]] ?? [] {
                guard let file = (evidence["file"] as? String)?.nfc else { continue }
                names.insert(prefix.isEmpty ? file : prefix + "/" + file)
            }
        }
        return names
    }

    /// The name as a path inside the folder: never absolute, never through '..'.
    func safeRelativePath(_ name: String) throws -> String {
        let parts = name.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: true)
        guard !name.hasPrefix("/"), !name.hasPrefix("\\"), !parts.isEmpty,
              !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            throw Refusal(description: "'\(name)' would be unpacked outside the submission's folder")
        }
        return parts.joined(separator: "/")
    }

    private func submissionFolder(in folder: URL) throws -> URL {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(SubmissionLoader.manifestName).path) { return folder }
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix("__MACOSX") }
        if children.count == 1 {
            let inner = folder.appendingPathComponent(children[0], isDirectory: true)
            if FileManager.default.fileExists(atPath: inner.appendingPathComponent(SubmissionLoader.manifestName).path) { return inner }
        }
        throw Refusal(description: "the archive has no \(SubmissionLoader.manifestName) at its root or in its one folder")
    }
}
