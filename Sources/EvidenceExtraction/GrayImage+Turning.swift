extension GrayImage {
    /// The image turned clockwise by `degrees` (a multiple of 90).
    package func rotated(clockwise degrees: Int) -> GrayImage {
        let turn = ((degrees % 360) + 360) % 360
        guard turn != 0, width > 0, height > 0 else { return self }
        let (w, h) = (width, height)
        let newWidth = turn == 180 ? w : h, newHeight = turn == 180 ? h : w
        var out = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for y in 0..<newHeight {
                    let row = y * newWidth
                    switch turn {
                    case 90:  // new (x, y) shows old (y, h-1-x)
                        for x in 0..<newWidth { target[row + x] = source[(h - 1 - x) * w + y] }
                    case 180:
                        let from = (h - 1 - y) * w + (w - 1)
                        for x in 0..<newWidth { target[row + x] = source[from - x] }
                    default:  // 270: new (x, y) shows old (w-1-y, x)
                        for x in 0..<newWidth { target[row + x] = source[x * w + (w - 1 - y)] }
                    }
                }
            }
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: out, dpi: dpi, channel: channel)
    }

    /// The image shrunk by a whole factor to about `targetDPI` (each pixel the mean of a square),
    /// for the checks that need the layout, not the letters.
    package func reduced(toDPI targetDPI: Int) -> GrayImage {
        let factor = max(1, Int((Double(dpi) / Double(max(1, targetDPI))).rounded()))
        guard factor > 1 else { return self }
        let newWidth = width / factor, newHeight = height / factor
        guard newWidth > 0, newHeight > 0 else { return self }
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        let area = factor * factor
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                var sums = [Int](repeating: 0, count: newWidth)
                for y in 0..<newHeight {
                    for i in 0..<newWidth { sums[i] = 0 }
                    for dy in 0..<factor {
                        let row = (y * factor + dy) * width
                        for x in 0..<newWidth {
                            var sum = 0
                            let start = row + x * factor
                            for dx in 0..<factor { sum += Int(source[start + dx]) }
                            sums[x] += sum
                        }
                    }
                    for x in 0..<newWidth { target[y * newWidth + x] = UInt8(sums[x] / area) }
                }
            }
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: out, dpi: dpi / factor, channel: channel)
    }
}
