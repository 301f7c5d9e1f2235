import Foundation

/// The orientation a camera records in a JPEG's EXIF block (tag 0x0112): photos of documents are
/// often stored sideways with this tag saying how to show them.
enum ExifOrientation {
    /// Degrees clockwise that show the stored pixels the way the camera meant; 0 when there is no
    /// tag, or it asks for a mirror image (no camera makes those of paper).
    static func turn(ofJPEG data: Data) -> Int {
        switch tag(ofJPEG: data) {
        case 3: return 180
        case 6: return 90
        case 8: return 270
        default: return 0
        }
    }

    /// The raw orientation value, read from the APP1 segment before the image data.
    static func tag(ofJPEG data: Data) -> Int? {
        let bytes = [UInt8](data.prefix(1 << 17))
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var at = 2
        while at + 4 <= bytes.count, bytes[at] == 0xFF {
            let marker = bytes[at + 1]
            // Start of scan: the metadata segments are all before it.
            if marker == 0xDA || marker == 0xD9 { return nil }
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let payload = at + 4
            if marker == 0xE1, payload + 6 <= bytes.count,
               bytes[payload..<payload + 6].elementsEqual([0x45, 0x78, 0x69, 0x66, 0, 0]) {
                return orientation(inTIFF: payload + 6, of: bytes)
            }
            at += 2 + length
        }
        return nil
    }

    /// Walks IFD0 of the TIFF structure EXIF is stored in.
    private static func orientation(inTIFF start: Int, of bytes: [UInt8]) -> Int? {
        guard start + 8 <= bytes.count else { return nil }
        let little = bytes[start] == 0x49
        func u16(_ at: Int) -> Int? {
            guard at + 2 <= bytes.count else { return nil }
            return little ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(little ? at + 2 : at), let low = u16(little ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard let offset = u32(start + 4), let count = u16(start + offset) else { return nil }
        for entry in 0..<min(count, 512) {
            let at = start + offset + 2 + entry * 12
            guard let tag = u16(at) else { return nil }
            // A SHORT value sits in the first two bytes of the value field.
            if tag == 0x0112 { return u16(at + 8) }
        }
        return nil
    }
}
