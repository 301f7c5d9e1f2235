package import EvidenceModel
import Foundation

/// One line of `evidenced extract --json`: the extracted document (and its parsed fields), or an error.
package struct ExtractReport: Encodable, Sendable {
    package var file: String
    package var outcome: Result<ExtractedDocument, ExtractionFailure>
    package var fields: DocumentFields?
    /// Include each line's box (`--layout`).
    package var layout: Bool

    package init(file: String, outcome: Result<ExtractedDocument, ExtractionFailure>, fields: DocumentFields? = nil, layout: Bool = false) {
        self.file = file; self.outcome = outcome; self.fields = fields; self.layout = layout
    }

    private enum Key: String, CodingKey {
        case file, sha256, format, pages, perPage, digitalSignature, digitalSignatures, warnings, error, message
        case page, source, confidence, rotation, text, lines
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(file, forKey: .file)
        switch outcome {
        case .failure(let failure):
            try container.encode(failure.code.rawValue, forKey: .error)
            try container.encode(failure.message, forKey: .message)
        case .success(let document):
            try container.encode(document.sha256, forKey: .sha256)
            try container.encode(document.format, forKey: .format)
            try container.encode(document.pages, forKey: .pages)
            var pages = container.nestedUnkeyedContainer(forKey: .perPage)
            for page in document.perPage {
                var entry = pages.nestedContainer(keyedBy: Key.self)
                try entry.encode(page.page, forKey: .page)
                try entry.encode(page.source, forKey: .source)
                try entry.encode(page.confidence.map { ($0 * 1000).rounded() / 1000 }, forKey: .confidence)
                try entry.encodeIfPresent(page.rotation, forKey: .rotation)
                try entry.encode(page.text, forKey: .text)
                if layout { try entry.encode(page.lines, forKey: .lines) }
            }
            try container.encode(document.digitalSignature, forKey: .digitalSignature)
            try container.encode(document.digitalSignatures, forKey: .digitalSignatures)
            try container.encode(document.warnings, forKey: .warnings)
            // The parsed fields sit at the top level of the same object.
            try fields?.encode(to: encoder)
        }
    }
}
