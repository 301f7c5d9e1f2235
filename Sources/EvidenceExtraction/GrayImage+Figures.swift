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
        // Otsu splits the levels at and below its threshold from those above: ink is at or below.
        let threshold = PagePerspective.otsu(pixels)
        var labels = [Int32](repeating: 0, count: pixels.count)
        struct Component { var label: Int32; var minX, minY, maxX, maxY, count: Int
            var width: Int { maxX - minX + 1 }
            var height: Int { maxY - minY + 1 }
        }
        var components: [Component] = []
        var stack: [Int] = []
        for start in 0..<pixels.count where pixels[start] <= threshold && labels[start] == 0 {
            let label = Int32(components.count + 1)
            var component = Component(label: label, minX: width, minY: height, maxX: -1, maxY: -1, count: 0)
            labels[start] = label
            stack.append(start)
            while let index = stack.popLast() {
                let x = index % width, y = index / width
                component.count += 1
                component.minX = min(component.minX, x); component.maxX = max(component.maxX, x)
                component.minY = min(component.minY, y); component.maxY = max(component.maxY, y)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                        let next = ny * width + nx
                        if pixels[next] <= threshold && labels[next] == 0 { labels[next] = label; stack.append(next) }
                    }
                }
            }
            components.append(component)
        }
        var kept = components.filter {
            $0.minX > 0 && $0.minY > 0 && $0.maxX < width - 1 && $0.maxY < height - 1 && $0.count >= 6
                && (inside?.contains(($0.minX + $0.maxX) / 2) ?? true)
        }
        guard let tallest = kept.map(\.height).max() else { return nil }
        kept = kept.filter { Double($0.height) >= 0.5 * Double(tallest) }.sorted { $0.minX < $1.minX }
        guard let first = kept.first else { return nil }
        let labelsKept = Set(kept.map(\.label))
        let minX = kept.map(\.minX).min() ?? first.minX, maxX = kept.map(\.maxX).max() ?? first.maxX
        let minY = kept.map(\.minY).min() ?? first.minY, maxY = kept.map(\.maxY).max() ?? first.maxY
        let outWidth = maxX - minX + 1, outHeight = maxY - minY + 1
        var out = [UInt8](repeating: 255, count: outWidth * outHeight)
        for y in 0..<outHeight {
            for x in 0..<outWidth {
                let index = (minY + y) * width + minX + x
                if labelsKept.contains(labels[index]) { out[y * outWidth + x] = binarised ? 0 : pixels[index] }
            }
        }
        return GrayImage(width: outWidth, height: outHeight, pixels: out, dpi: dpi)
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
