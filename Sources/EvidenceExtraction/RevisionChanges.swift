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
            if dictionary.contains("/Type/ObjStm") { unknown = true; continue }
            if Self.isMarkupAnnotation(dictionary) { return true }
            let isNew = previousSize.map { header.number >= $0 } ?? false
            if isNew || Self.isSignatureBookkeeping(dictionary) { continue }
            guard let before = headers.last(where: { $0.number == header.number && $0.offset < signedEnd }),
                  let previous = readObject(number: before.number, objAt: before.offset) else {
                // Redefines an object of the signed revision that cannot be read (compressed): unknown.
                unknown = true; continue
            }
            if dictionary.contains("/Type/Page") && !dictionary.contains("/Type/Pages") {
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
        var dictionary: String
        /// Where the stream's data lies; nil when not a stream.
        var stream: Range<Int>?
    }

    private func sameStream(_ one: Object, _ other: Object) -> Bool {
        guard let first = one.stream, let second = other.stream else { return one.stream == nil && other.stream == nil }
        return first.count == second.count && bytes.slice(first) == bytes.slice(second)
    }

    /// Signature dictionaries, fields and widgets, the catalog and the AcroForm, the info dictionary,
    /// XMP metadata, cross-reference streams and long-term-validation data.
    static func isSignatureBookkeeping(_ dictionary: String) -> Bool {
        let kinds = ["/Type/Sig", "/Type/DocTimeStamp", "/FT/Sig", "/Subtype/Widget", "/Type/Catalog",
                     "/Type/Metadata", "/Type/XRef", "/Type/DSS", "/Type/VRI"]
        if kinds.contains(where: dictionary.contains) { return true }
        if dictionary.contains("/Fields") && dictionary.contains("/SigFlags") { return true }
        // The info dictionary: producer and dates, no /Type and no stream.
        let infoKeys = ["/Producer", "/ModDate", "/CreationDate"]
        return !dictionary.contains("/Type") && !dictionary.contains("/Length") && infoKeys.contains(where: dictionary.contains)
    }

    private static let markupSubtypes = ["FreeText", "Stamp", "Square", "Circle", "Line", "Polygon", "PolyLine", "Ink",
                                         "Highlight", "Underline", "StrikeOut", "Squiggly", "Caret", "Text", "Redact",
                                         "FileAttachment", "Sound"]

    /// An annotation that lays its own marks over the page (a widget or a link does not).
    static func isMarkupAnnotation(_ dictionary: String) -> Bool {
        guard dictionary.contains("/Rect") else { return false }
        return markupSubtypes.contains { subtype in
            let name = "/Subtype/" + subtype
            guard let range = dictionary.range(of: name) else { return false }
            // '/Subtype/Text' must not match '/Subtype/TextField'-like longer names.
            let next = dictionary[range.upperBound...].first
            return next == nil || "/[]<>() ".contains(next!)
        }
    }

    static func withoutAnnots(_ dictionary: String) -> String {
        guard let range = dictionary.range(of: "/Annots") else { return dictionary }
        var rest = dictionary[range.upperBound...]
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return dictionary }
            rest = rest[rest.index(after: close)...]
        } else if let match = rest.prefixMatch(of: /\d+ \d+ R/) {
            rest = rest[match.range.upperBound...]
        }
        return String(dictionary[..<range.lowerBound]) + rest
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
        let dictionary = Self.normalise(String(decoding: bytes.slice(bodyStart..<bodyEnd), as: Unicode.ASCII.self))
        var data: Range<Int>?
        if let stream {
            // Data starts after 'stream' and its end of line; its length is /Length when direct, else up to 'endstream'.
            var start = stream + 6
            if bytes.slice(start..<start + 1).first == 0x0D { start += 1 }
            if bytes.slice(start..<start + 1).first == 0x0A { start += 1 }
            if let match = dictionary.firstMatch(of: /\/Length (\d+)(?! \d+ R)/), let length = Int(match.1),
               start + length <= bytes.count {
                data = start..<start + length
            } else if let end = bytes.find("endstream", from: start) {
                data = start..<end
            }
        }
        return Object(number: number, dictionary: dictionary, stream: data)
    }

    /// Whitespace runs become one space, and none is kept next to a delimiter, so '/Type /Sig' and
    /// '/Type/Sig' compare equal.
    static func normalise(_ text: String) -> String {
        let delimiters: Set<Character> = ["/", "[", "]", "<", ">", "(", ")"]
        var out = ""
        out.reserveCapacity(text.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace, let last = out.last, !delimiters.contains(last), !delimiters.contains(character) {
                out.append(" ")
            }
            pendingSpace = false
            out.append(character)
        }
        return out
    }
}
