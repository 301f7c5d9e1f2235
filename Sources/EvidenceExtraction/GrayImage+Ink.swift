import EvidenceModel

extension GrayImage {
    /// The image cut down to its dark pixels with a white margin, and where the cut lies (fractions of
    /// this image); nil when the image is blank.
    func croppedToInk(margin: Int, threshold: UInt8 = 160) -> (image: GrayImage, frame: EvidenceModel.Box)? {
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            let row = y * width
            for x in 0..<width where pixels[row + x] < threshold {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= minX, maxY >= minY else { return nil }
        let inkWidth = maxX - minX + 1, inkHeight = maxY - minY + 1
        let outWidth = inkWidth + 2 * margin, outHeight = inkHeight + 2 * margin
        var out = [UInt8](repeating: 255, count: outWidth * outHeight)
        for y in 0..<inkHeight {
            let source = (minY + y) * width + minX
            let target = (margin + y) * outWidth + margin
            for x in 0..<inkWidth { out[target + x] = pixels[source + x] }
        }
        // The frame of the output image within this one (the margin reaches outside it).
        let frame = EvidenceModel.Box(x: Double(minX - margin) / Double(width), y: Double(minY - margin) / Double(height),
                        width: Double(outWidth) / Double(width), height: Double(outHeight) / Double(height))
        return (GrayImage(width: outWidth, height: outHeight, pixels: out, dpi: dpi), frame)
    }
}
