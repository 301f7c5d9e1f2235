import EvidenceModel
import Foundation

/// Already-OCRed UTF-8 text: one page per form feed.
enum PlainTextExtraction {
    static func pages(of data: Data) throws(ExtractionFailure) -> [PageText] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExtractionFailure(.invalidText, "The text file is not valid UTF-8.")
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        return body.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated().map { index, page in
            PageText(page: index + 1, source: .text, text: String(page).replacingOccurrences(of: "\r\n", with: "\n").nfc)
        }
    }
}
