import EvidenceModel

/// The ink of a blank's hand-written figures, as components of Otsu's black and white: those that do
/// not touch the crop's edge, stand at least half as tall as the tallest and (with `inside`) have
/// their middle in the blank's columns (see `GrayImage.handwrittenFigures`).
struct FigureInk {
    struct Component {
        var label: Int32
        var minX, minY, maxX, maxY, count: Int
        var width: Int { maxX - minX + 1 }
        var height: Int { maxY - minY + 1 }
    }

    /// Per pixel, the component it belongs to (0: paper).
    let labels: [Int32]
    /// The figures' components, left to right; never empty.
    let components: [Component]
    let width: Int

    init?(_ image: GrayImage, inside: Range<Int>?) {
        let pixels = image.pixels, width = image.width, height = image.height
        // Otsu splits the levels at and below its threshold from those above: ink is at or below.
        let threshold = PagePerspective.otsu(pixels)
        var labels = [Int32](repeating: 0, count: pixels.count)
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
        let candidates = components.filter {
            $0.minX > 0 && $0.minY > 0 && $0.maxX < width - 1 && $0.maxY < height - 1 && $0.count >= 6
                && (inside?.contains(($0.minX + $0.maxX) / 2) ?? true)
        }
        guard let tallest = candidates.map(\.height).max() else { return nil }
        self.components = candidates.filter { Double($0.height) >= 0.5 * Double(tallest) }.sorted { $0.minX < $1.minX }
        self.labels = labels
        self.width = width
    }

    /// Some components' labels and the box they span together (a figure's parts, or all the ink).
    struct Span {
        let labels: Set<Int32>
        let minX, minY, maxX, maxY: Int

        init(_ parts: [Component]) {
            labels = Set(parts.map(\.label))
            minX = parts.map(\.minX).min() ?? 0; maxX = parts.map(\.maxX).max() ?? 0
            minY = parts.map(\.minY).min() ?? 0; maxY = parts.map(\.maxY).max() ?? 0
        }
    }

    /// The kept ink alone on white, cut to its bounds: black (`binarised`) or its grey in `source`,
    /// the image this ink was found in.
    func figures(of source: GrayImage, binarised: Bool) -> GrayImage {
        let span = Span(components)
        let labelsKept = span.labels, minX = span.minX, maxX = span.maxX, minY = span.minY, maxY = span.maxY
        let outWidth = maxX - minX + 1, outHeight = maxY - minY + 1
        var out = [UInt8](repeating: 255, count: outWidth * outHeight)
        for y in 0..<outHeight {
            for x in 0..<outWidth {
                let index = (minY + y) * width + minX + x
                if labelsKept.contains(labels[index]) { out[y * outWidth + x] = binarised ? 0 : source.pixels[index] }
            }
        }
        return GrayImage(width: outWidth, height: outHeight, pixels: out, dpi: source.dpi)
    }

    /// The figures, left to right: components that overlap by more than half the narrower one's
    /// width are one figure (a 5 whose bar was lifted off, a 4 drawn in two strokes).
    var figures: [[Component]] {
        var figures: [[Component]] = []
        for component in components {
            if let last = figures.last {
                let span = Span(last), minX = span.minX, maxX = span.maxX
                let overlap = min(maxX, component.maxX) - max(minX, component.minX) + 1
                if 2 * overlap > min(maxX - minX + 1, component.width) {
                    figures[figures.count - 1].append(component)
                    continue
                }
            }
            figures.append([component])
        }
        return figures
    }

    /// Each figure's outline (`FigureShape`), left to right.
    var shapes: [FigureShape] {
        figures.map { parts in
            let span = Span(parts)
            let labelsKept = span.labels, minX = span.minX, maxX = span.maxX, minY = span.minY, maxY = span.maxY
            var longest: [Int] = []
            for y in minY...maxY {
                var run = 0, best = 0
                for x in minX...maxX {
                    run = labelsKept.contains(labels[y * width + x]) ? run + 1 : 0
                    best = max(best, run)
                }
                longest.append(best)
            }
            return FigureShape(longestRuns: longest, width: maxX - minX + 1)
        }
    }
}

extension FigureShape {
    /// A figure's outline from the longest run of ink in each of its rows, top to bottom. The bands
    /// and bounds were set on the hand-filled blanks of ../shared/real (their 1s, 4s and 7s all
    /// outlined right) and checked on the synthetic crops of scripts/handwriting_crops.py: of 216
    /// ones, fours and sevens, one 1 had the outline of a 4 and two that of a 7, two 4s that of a 7;
    /// no 4 or 7 that of a 1 (so a 7's outline alone never settles a 7; with the single-figure
    /// reader's guess it does, `HandwrittenFigures.borneOutGuess`). Other figures often have one of
    /// these outlines (a 6 a 4's, a 9 a 7's), so an outline counts only where the readings give that
    /// figure (`HandwrittenFigures.agree`).
    init(longestRuns runs: [Int], width: Int) {
        let height = runs.count
        guard height >= 12 else { self = .unsure; return }
        func widest(_ from: Double, _ to: Double) -> Double {
            let start = Int(from * Double(height)), end = max(start + 1, Int(to * Double(height)))
            return Double(runs[start..<min(end, height)].max() ?? 0)
        }
        let h = Double(height), w = Double(width)
        let crossbar = widest(0.45, 0.85), top = widest(0, 0.2)
        if crossbar >= 0.6 * w, crossbar >= 0.4 * h, top < 0.45 * w {
            self = .four
        } else if top >= 0.6 * w, top >= 0.35 * h, widest(0.7, 0.95) < 0.3 * h {
            self = .seven
        } else if widest(0.4, 0.95) < 0.3 * h, widest(0.2, 0.95) < 0.5 * w, top < 0.4 * w, widest(0.1, 0.4) < 0.45 * h {
            // Nothing wide below the apex, against its height or its width: a narrow 4's crossbar,
            // or one drawn high, is at least half the figure's width.
            self = .one
        } else {
            self = .unsure
        }
    }
}
