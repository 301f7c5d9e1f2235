import Foundation

/// What `FigureClassifier` sees of each figure: its ink fitted into a square, keeping its shape (a
/// 1 stays narrow), as ink density and as the direction of the ink's edges, plus how wide it is
/// against its height. Computed here only, for the shipped classifier and for its training
/// (`evidenced read-figures --features`, scripts/figure_classifier.py), so both see the same thing.
extension FigureInk {
    /// Side of the square each figure is fitted into, in cells.
    static let featureGrid = 20

    /// Each figure's features, left to right (as `figures`).
    var figureFeatures: [[Float]] { figures.map(features(of:)) }

    private func features(of parts: [Component]) -> [Float] {
        let span = Span(parts)
        let kept = span.labels, minX = span.minX, maxX = span.maxX, minY = span.minY, maxY = span.maxY
        let inkWidth = Double(maxX - minX + 1), inkHeight = Double(maxY - minY + 1)
        let grid = Self.featureGrid
        // Fitted with its aspect kept and centred; each cell the share of ink among 4 x 4 samples.
        let scale = Double(grid) / max(inkWidth, inkHeight)
        let offsetX = (Double(grid) - inkWidth * scale) / 2, offsetY = (Double(grid) - inkHeight * scale) / 2
        var cells = [Float](repeating: 0, count: grid * grid)
        for row in 0..<grid {
            for column in 0..<grid {
                var ink = 0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let x = Int(((Double(column) + (Double(sx) + 0.5) / 4 - offsetX) / scale).rounded(.down))
                        let y = Int(((Double(row) + (Double(sy) + 0.5) / 4 - offsetY) / scale).rounded(.down))
                        guard x >= 0, y >= 0, Double(x) < inkWidth, Double(y) < inkHeight else { continue }
                        if kept.contains(labels[(minY + y) * width + minX + x]) { ink += 1 }
                    }
                }
                cells[row * grid + column] = Float(ink) / 16
            }
        }
        func cell(_ row: Int, _ column: Int) -> Float {
            row < 0 || column < 0 || row >= grid || column >= grid ? 0 : cells[row * grid + column]
        }
        // Density, 2 x 2 cells pooled.
        var out: [Float] = []
        for row in stride(from: 0, to: grid, by: 2) {
            for column in stride(from: 0, to: grid, by: 2) {
                out.append((cell(row, column) + cell(row, column + 1) + cell(row + 1, column) + cell(row + 1, column + 1)) / 4)
            }
        }
        // Edge directions (0, 45, 90, 135 degrees, either way), weighted by strength, pooled 4 x 4.
        let pooled = 4, blocks = grid / pooled
        var directions = [Float](repeating: 0, count: 4 * blocks * blocks)
        for row in 0..<grid {
            for column in 0..<grid {
                let dx = cell(row, column + 1) - cell(row, column - 1), dy = cell(row + 1, column) - cell(row - 1, column)
                let strength = (dx * dx + dy * dy).squareRoot()
                guard strength > 0 else { continue }
                var angle = atan2(Double(dy), Double(dx))
                if angle < 0 { angle += .pi }
                let bin = Int((angle / (.pi / 4)).rounded()) % 4
                directions[bin * blocks * blocks + (row / pooled) * blocks + column / pooled] += strength / 8
            }
        }
        out += directions
        out.append(Float(log(inkWidth / inkHeight)))
        return out
    }
}
