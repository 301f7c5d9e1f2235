package import EvidenceModel

/// Tells a file's kind from its first bytes; the extension is never trusted.
package enum FileSniffer {
    package static func format(of bytes: some Collection<UInt8>) -> FileFormat? {
        let head = Array(bytes.prefix(1024))
        if head.starts(with: [0x25, 0x50, 0x44, 0x46, 0x2D]) { return .pdf }           // %PDF-
        // Some producers put junk before the header; readers accept it within the first 1 KiB.
        if let at = head.firstRange(of: Array("%PDF-".utf8)), at.lowerBound < 1024 { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if isHEIF(head) { return .heic }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        // OLE2 compound file: Word 97–2003 (or a password-protected Office file; the extraction tells).
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        return looksLikeText(bytes) ? .text : nil
    }

    /// An ISO base media file whose 'ftyp' box names a HEIF brand: iPhone photos ('heic', 'heix',
    /// sequences 'hevc'/'hevx') and plain HEIF ('mif1', 'msf1').
    static func isHEIF(_ head: [UInt8]) -> Bool {
        guard head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) else { return false }
        let brand = String(decoding: head[8..<12], as: UTF8.self)
        return ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(brand)
    }

    /// A ZIP's local file header: an Office package, or an archive (what it holds tells).
    package static func isZIP(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// UTF-8 without NUL and with few control characters: already-OCRed text.
    static func looksLikeText(_ bytes: some Collection<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        let sample = Array(bytes.prefix(64 * 1024))
        if sample.contains(0) { return false }
        // A sample cut inside a multi-byte character is still text: drop up to 3 trailing bytes.
        var decoded: String?
        for cut in 0...min(3, sample.count - 1) {
            if let s = String(validating: sample.dropLast(cut), as: UTF8.self) { decoded = s; break }
        }
        guard let text = decoded else { return false }
        let controls = text.unicodeScalars.filter {
            $0.properties.generalCategory == .control && !["\n", "\r", "\t", "\u{0C}"].contains($0)
        }.count
        return controls * 100 <= max(1, text.unicodeScalars.count)
    }
}
