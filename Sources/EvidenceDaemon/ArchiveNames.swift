import EvidenceModel

/// File names in ZIP archives made without the UTF-8 flag: Windows tools write them in the OEM code
/// page, which on Vietnamese Windows is Windows-1258 (tone marks as combining characters), and the
/// ZIP standard's default is CP437. The manifest names the files in UTF-8, so the reading that
/// matches one of its names wins; otherwise UTF-8 when the bytes are valid UTF-8, then 1258 when it
/// gives Vietnamese letters, then CP437.
enum ArchiveNames {
    static func decode(raw: [UInt8], utf8Flag: Bool, cp437: String, known: Set<String> = []) -> String {
        let utf8 = String(validating: raw, as: UTF8.self)?.nfc
        if utf8Flag, let utf8 { return utf8 }
        let windows = Windows1258.decode(raw)
        for candidate in [utf8, windows, cp437.nfc].compactMap({ $0 }) where known.contains(candidate) { return candidate }
        if let utf8 { return utf8 }
        if raw.contains(where: { $0 >= 0x80 }), !windows.contains("\u{FFFD}"), windows.unicodeScalars.contains(where: Windows1258.isVietnamese) {
            return windows
        }
        return cp437
    }
}
