import Foundation

/// Whether the revisions appended after a signature change what the pages show.
///
/// Signing appends an incremental update: the signature dictionary, its field and widget, their
/// appearance streams and fonts, and new versions of the catalog, the AcroForm, the info dictionary
/// and the page that lists the widget. Such an update is normal. Anything else that redefines an
/// object the signed revision already had (a content stream, an image, a font, the page tree, a
/// page's contents or resources), or that adds a markup annotation (text laid over the page), changes
/// what was signed. Objects hidden in compressed object streams cannot be classified: then the answer
/// is unknown rather than a guess.
struct RevisionChanges {
    private let bytes: PDFBytes
    /// Every object header ('N G obj') of the file, in file order: one pass, shared by all signatures.
    private let headers: [(number: Int, offset: Int)]

    init(bytes: PDFBytes) {
        self.bytes = bytes
        var headers: [(number: Int, offset: Int)] = []
        var from = 0
        while let hit = bytes.find(" obj", from: from) {
            from = hit + 4
            if let number = bytes.objectNumber(endingAt: hit + 1) { headers.append((number, hit + 1)) }
        }
        self.headers = headers
    }

    /// true: changed; false: only signatures and bookkeeping added; nil: cannot tell.
    func pageContentChanged(after signedEnd: Int) -> Bool? {
        guard signedEnd < bytes.count else { return false }
        // Objects numbered at or above the signed revision's /Size are new.
        let previousSize = lastSize(before: signedEnd)
        var unknown = false
        for header in headers where header.offset >= signedEnd {
            guard let object = readObject(number: header.number, objAt: header.offset) else { continue }
            let dictionary = object.dictionary
            if dictionary.has("/Type/ObjStm") { unknown = true; continue }
            if Self.isMarkupAnnotation(dictionary) { return true }
            let isNew = previousSize.map { header.number >= $0 } ?? false
            if isNew || Self.isSignatureBookkeeping(dictionary) { continue }
            guard let before = headers.last(where: { $0.number == header.number && $0.offset < signedEnd }),
                  let previous = readObject(number: before.number, objAt: before.offset) else {
                // Redefines an object of the signed revision that cannot be read (compressed): unknown.
                unknown = true; continue
            }
            if dictionary.has("/Type/Page") && !dictionary.has("/Type/Pages") {
                // A page gains its widget in /Annots; everything else must be as signed.
                if Self.withoutAnnots(dictionary) != Self.withoutAnnots(previous.dictionary) { return true }
                continue
            }
            if dictionary != previous.dictionary || !sameStream(object, previous) { return true }
        }
        return unknown ? nil : false
    }

    struct Object {
        var number: Int
        /// The dictionary (or value) before 'stream' or 'endobj', whitespace normalised.
        var dictionary: PDFText
        /// Where the stream's data lies; nil when not a stream.
        var stream: Range<Int>?
    }

    private func sameStream(_ one: Object, _ other: Object) -> Bool {
        guard let first = one.stream, let second = other.stream else { return one.stream == nil && other.stream == nil }
        return first.count == second.count && bytes.slice(first) == bytes.slice(second)
    }

    /// Signature dictionaries, fields and widgets, the catalog and the AcroForm, the info dictionary,
    /// XMP metadata, cross-reference streams and long-term-validation data.
    static func isSignatureBookkeeping(_ dictionary: PDFText) -> Bool {
        let kinds = ["/Type/Sig", "/Type/DocTimeStamp", "/FT/Sig", "/Subtype/Widget", "/Type/Catalog",
                     "/Type/Metadata", "/Type/XRef", "/Type/DSS", "/Type/VRI"]
        if kinds.contains(where: dictionary.has) { return true }
        if dictionary.has("/Fields") && dictionary.has("/SigFlags") { return true }
        // The info dictionary: producer and dates, no /Type and no stream.
        let infoKeys = ["/Producer", "/ModDate", "/CreationDate"]
        return !dictionary.has("/Type") && !dictionary.has("/Length") && infoKeys.contains(where: dictionary.has)
    }

    private static let markupSubtypes = ["FreeText", "Stamp", "Square", "Circle", "Line", "Polygon", "PolyLine", "Ink",
                                         "Highlight", "Underline", "StrikeOut", "Squiggly", "Caret", "Text", "Redact",
                                         "FileAttachment", "Sound"]

    /// An annotation that lays its own marks over the page (a widget or a link does not).
    static func isMarkupAnnotation(_ dictionary: PDFText) -> Bool {
        guard dictionary.has("/Rect") else { return false }
        // '/Subtype/Text' must not match a longer name: the next byte ends the name.
        return markupSubtypes.contains { dictionary.hasName("/Subtype/" + $0) }
    }

    /// The dictionary without its /Annots entry (an array or an indirect reference).
    static func withoutAnnots(_ dictionary: PDFText) -> PDFText {
        let bytes = dictionary.bytes
        guard let at = dictionary.offset(of: "/Annots") else { return dictionary }
        var end = at + 7
        if end < bytes.count, bytes[end] == UInt8(ascii: "[") {
            guard let close = bytes[end...].firstIndex(of: UInt8(ascii: "]")) else { return dictionary }
            end = close + 1
        } else {
            // 'N G R'
            var fields = 0
            while end < bytes.count, fields < 3 {
                while end < bytes.count, bytes[end] == 0x20 { end += 1 }
                let start = end
                while end < bytes.count, bytes[end] != 0x20, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: ">") { end += 1 }
                if end == start { break }
                fields += 1
            }
        }
        return PDFText(bytes: Array(bytes[..<at]) + Array(bytes[end...]))
    }

    private func lastSize(before end: Int) -> Int? {
        guard let at = bytes.findBackward("/Size", before: end, within: end) else { return nil }
        let text = String(decoding: bytes.slice(at + 5..<at + 24), as: UTF8.self)
        return Int(text.drop(while: { $0 == " " }).prefix { $0.isNumber })
    }

    private func readObject(number: Int, objAt: Int) -> Object? {
        let bodyStart = objAt + 3
        let window = min(bytes.count, bodyStart + 1 << 16)
        let endobj = bytes.find("endobj", from: bodyStart, to: window)
        let stream = bytes.find("stream", from: bodyStart, to: endobj ?? window)
        guard let bodyEnd = stream ?? endobj else { return nil }
        let dictionary = PDFText(normalising: bytes.slice(bodyStart..<bodyEnd))
        var data: Range<Int>?
        if let stream {
            // Data starts after 'stream' and its end of line; its length is /Length when direct, else up to 'endstream'.
            var start = stream + 6
            if bytes.slice(start..<start + 1).first == 0x0D { start += 1 }
            if bytes.slice(start..<start + 1).first == 0x0A { start += 1 }
            if let length = dictionary.directLength, start + length <= bytes.count {
                data = start..<start + length
            } else if let end = bytes.find("endstream", from: start) {
                data = start..<end
            }
        }
        return Object(number: number, dictionary: dictionary, stream: data)
    }
}

/// A dictionary's bytes with whitespace normalised: runs become one space, and none is kept next to a
/// delimiter, so '/Type /Sig' and '/Type/Sig' compare equal. Bytes, not String: no decoding cost.
struct PDFText: Equatable {
    var bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    init(normalising raw: ArraySlice<UInt8>) {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var pendingSpace = false
        for byte in raw {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00 {
                pendingSpace = !out.isEmpty; continue
            }
            if pendingSpace, let last = out.last, !Self.isDelimiter(last), !Self.isDelimiter(byte) { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        bytes = out
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "("), UInt8(ascii: ")"): true
        default: false
        }
    }

    func offset(of needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for k in 1..<pattern.count where bytes[index + k] != pattern[k] { matched = false; break }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    func has(_ needle: String) -> Bool { offset(of: needle) != nil }

    /// `name` as a whole PDF name: the byte after it is a delimiter, a space or the end.
    func hasName(_ name: String) -> Bool {
        guard let at = offset(of: name) else { return false }
        let next = at + name.utf8.count
        return next >= bytes.count || bytes[next] == 0x20 || Self.isDelimiter(bytes[next])
    }

    /// '/Length 1234' not followed by a generation and 'R' (an indirect length).
    var directLength: Int? {
        guard let at = offset(of: "/Length") else { return nil }
        var index = at + 7
        if index < bytes.count, bytes[index] == 0x20 { index += 1 }
        var value = 0, digits = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30); index += 1; digits += 1
        }
        guard digits > 0, digits < 12 else { return nil }
        // ' 0 R' after the number: an indirect reference, not the length.
        if index + 3 < bytes.count, bytes[index] == 0x20, bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 {
            var probe = index + 1
            while probe < bytes.count, bytes[probe] >= 0x30, bytes[probe] <= 0x39 { probe += 1 }
            if probe + 1 < bytes.count, bytes[probe] == 0x20, bytes[probe + 1] == UInt8(ascii: "R") { return nil }
        }
        return value
    }
}
