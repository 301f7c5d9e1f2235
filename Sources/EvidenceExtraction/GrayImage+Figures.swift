extension GrayImage {
    /// The hand-written figures of a blank's crop, alone on white: the crop also catches the print
    /// around the blank (the colon of 'Số:', the symbol's slash, the 't' of 'tháng', the rule or
    /// text of the line above, the blank's dots). Keeps the ink components that do not touch the
    /// crop's edge and stand at least half as tall as the tallest (a colon's dots, the blank's dots
    /// and specks fall out); nil when nothing is left. A thin stroke at either end is kept: it may
    /// be the slash, but dropping it drops the '1' of a '31' as well (measured: the day '15' read '5'
    /// unanimously), so the blank's ends come from the printed words around it instead.
    /// `binarised`: the kept ink black (else its grey as scanned). `inside`: the columns of the blank
    /// itself when the crop reaches past it (a figure written over the blank's end is kept whole,
    /// a component whose middle lies outside, the colon or the slash, falls out).
    func handwrittenFigures(binarised: Bool, inside: Range<Int>? = nil) -> GrayImage? {
        FigureInk(self, inside: inside)?.figures(of: self, binarised: binarised)
    }

    /// The image scaled to `height` pixels tall with a white margin of `margin` around it: tesseract
    /// reads figures best at an x-height of about 30 pixels.
    func scaled(toHeight target: Int, margin: Int) -> GrayImage {
        let width = max(1, Int((Double(self.width) * Double(target) / Double(max(1, height))).rounded()))
        let scaled = resized(width: width, height: target)
        let outWidth = width + 2 * margin, outHeight = target + 2 * margin
        var out = [UInt8](repeating: 255, count: outWidth * outHeight)
        for y in 0..<target {
            for x in 0..<width { out[(y + margin) * outWidth + x + margin] = scaled.pixels[y * width + x] }
        }
        return GrayImage(width: outWidth, height: outHeight, pixels: out, dpi: dpi)
    }
}
