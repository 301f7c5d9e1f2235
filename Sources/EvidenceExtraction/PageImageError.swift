package import EvidenceModel

/// Why a page or region image cannot be made. The web layer maps `noSuchPage` and `noPageImage`
/// to 404, `invalidRequest` to 400, `tooLarge` to 422 and `unreadable` to 500.
package enum PageImageError: Error, Hashable, Sendable {
    /// Office documents and plain text have no page image: only their text was read.
    case noPageImage(FileFormat)
    /// A 1-based page the file does not have.
    case noSuchPage(page: Int, pages: Int)
    /// A rotation other than 0, 90, 180 or 270, a box outside the page, a sha256 that is not one.
    case invalidRequest(String)
    /// The image would exceed the pixel limit.
    case tooLarge(String)
    /// The stored original cannot be opened or decoded.
    case unreadable(ExtractionFailure)
}

extension PageImageError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .noPageImage(let format):
            "a \(format.rawValue.uppercased()) file has no page image: only its text was read; open the original file"
        case .noSuchPage(let page, let pages): "page \(page) does not exist: the file has \(pages) page\(pages == 1 ? "" : "s")"
        case .invalidRequest(let why): why
        case .tooLarge(let why): why
        case .unreadable(let failure): "the original cannot be rendered: \(failure.message)"
        }
    }
}
