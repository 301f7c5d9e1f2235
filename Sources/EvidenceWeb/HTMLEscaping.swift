import Mustache

/// HTML escaping by Unicode scalar. swift-mustache's own escaping walks `Character`s (grapheme
/// clusters) and compares them with `"`, `<`, …: a quote followed by a combining mark (`"` U+0301)
/// is one cluster that equals none of them and went out raw, closing the attribute it stood in.
/// Browsers tokenise by code point, so escaping must too.
package enum HTMLEscaping {
    /// The text with `& < > " '` replaced by entities, NUL by U+FFFD (a parser would do the same,
    /// after the escaping had been decided), every other scalar kept.
    package static func escape(_ text: String) -> String {
        // Most values hold none of these: return them as they are.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0 })
        else { return text }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\u{0}": out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The content type every page template declares (`Pages` prepends the pragma to each, the
    /// layout included: swift-mustache resets to its own HTML type when it enters a partial).
    package static let contentTypeName = "HTML_SCALARS"

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    /// Registers the content type once (the registry is global to swift-mustache).
    static let registered: Void = MustacheContentTypes.register(ContentType(), named: contentTypeName)

    /// The template with the pragma that makes `{{x}}` escape by scalar.
    static func declaring(_ template: String) -> String {
        _ = registered
        return "{{% CONTENT_TYPE: \(contentTypeName) }}" + template
    }
}
