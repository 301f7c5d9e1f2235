/// Which grey image of a colour page tesseract reads.
package enum InkChannel: String, Sendable {
    /// Rec. 601 luma: every ink dark, the way a black-and-white scanner sees the page.
    case luma
    /// The red channel: red and pink ink (seals, red pen) turns as light as the paper, while black
    /// print, black or blue handwriting stay dark. A seal stamped over the signer's title lines
    /// no longer hides them.
    case red
}

/// Counts, while a colour page is turned grey, the ink the red channel would remove: ink that is
/// dark in luma but light in red. Black print is dark in both; a red seal is dark in luma only.
package struct InkCensus: Sendable, Equatable {
    package var pixels = 0
    /// Pixels dark in luma.
    package var ink = 0
    /// Ink pixels that the red channel shows as paper.
    package var redInk = 0

    package init(pixels: Int = 0, ink: Int = 0, redInk: Int = 0) {
        self.pixels = pixels; self.ink = ink; self.redInk = redInk
    }

    /// Below this luma a pixel is ink; at or above this red value it vanishes in the red channel.
    static let inkLuma = 160, paperRed = 160

    @inline(__always)
    mutating func count(red: Int, luma: Int) {
        if luma < Self.inkLuma {
            ink &+= 1
            if red >= Self.paperRed { redInk &+= 1 }
        }
    }

    /// Measured on the real colour scans at 100 dpi (../shared/real): a page with a seal has red
    /// ink over 0.5 % of its area (0.50 to 1.05 %); pages without one, at most 0.3 % (the digital
    /// signature's small stamp image, red fringes of JPEG colour noise). The red channel is chosen
    /// from 0.1 %, so a small or faint seal counts too: on black print it changes nothing.
    static let sealShare = 0.001
    /// When most of the ink is red, the red is the print itself (a red heading, a red-printed page),
    /// not something stamped over it: reading it away would lose the text.
    static let redPrintShare = 0.5

    package var channel: InkChannel {
        guard pixels > 0, ink > 0 else { return .luma }
        let seal = Double(redInk) >= Self.sealShare * Double(pixels)
        let redIsPrint = Double(redInk) > Self.redPrintShare * Double(ink)
        return seal && !redIsPrint ? .red : .luma
    }
}
