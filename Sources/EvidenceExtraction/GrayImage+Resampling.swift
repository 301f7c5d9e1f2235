extension GrayImage {
    /// The pixels of `x..<x+width`, `y..<y+height`, clamped to the image.
    func cropped(x: Int, y: Int, width: Int, height: Int) -> GrayImage {
        let left = min(max(0, x), self.width), top = min(max(0, y), self.height)
        let right = min(self.width, max(left, x + width)), bottom = min(self.height, max(top, y + height))
        let newWidth = right - left, newHeight = bottom - top
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        for row in 0..<newHeight {
            let from = (top + row) * self.width + left
            out.replaceSubrange(row * newWidth..<(row + 1) * newWidth, with: pixels[from..<from + newWidth])
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: out, dpi: dpi, channel: channel)
    }

    /// The image scaled to exactly `newWidth` × `newHeight`: each new pixel the area-weighted mean
    /// of the old pixels it covers (smooth when shrinking, blocky-but-exact when enlarging).
    func resized(width newWidth: Int, height newHeight: Int) -> GrayImage {
        guard newWidth > 0, newHeight > 0, width > 0, height > 0 else {
            return GrayImage(width: max(0, newWidth), height: max(0, newHeight),
                             pixels: [UInt8](repeating: 255, count: max(0, newWidth) * max(0, newHeight)), dpi: dpi, channel: channel)
        }
        if newWidth == width, newHeight == height { return self }
        let across = Self.weights(from: width, to: newWidth), down = Self.weights(from: height, to: newHeight)
        // Horizontal pass into floats, then vertical.
        var rows = [Float](repeating: 0, count: newWidth * height)
        pixels.withUnsafeBufferPointer { source in
            for y in 0..<height {
                let row = y * width
                for x in 0..<newWidth {
                    var sum: Float = 0
                    for (index, weight) in across[x] { sum += Float(source[row + index]) * weight }
                    rows[y * newWidth + x] = sum
                }
            }
        }
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        for y in 0..<newHeight {
            for x in 0..<newWidth {
                var sum: Float = 0
                for (index, weight) in down[y] { sum += rows[index * newWidth + x] * weight }
                out[y * newWidth + x] = UInt8(min(255, max(0, sum.rounded())))
            }
        }
        let newDPI = max(1, Int((Double(dpi) * Double(newWidth) / Double(width)).rounded()))
        return GrayImage(width: newWidth, height: newHeight, pixels: out, dpi: newDPI, channel: channel)
    }

    /// For each new pixel, the old pixels it covers and their shares (summing to 1).
    private static func weights(from old: Int, to new: Int) -> [[(Int, Float)]] {
        let scale = Double(old) / Double(new)
        return (0..<new).map { i in
            let start = Double(i) * scale, end = Double(i + 1) * scale
            var parts: [(Int, Float)] = []
            var index = Int(start)
            while Double(index) < end, index < old {
                let overlap = min(end, Double(index + 1)) - max(start, Double(index))
                if overlap > 0 { parts.append((index, Float(overlap / scale))) }
                index += 1
            }
            return parts.isEmpty ? [(min(old - 1, Int(start)), Float(1))] : parts
        }
    }
}
