/// A phone photo of a page on a desk: the page is the large bright quadrilateral, the desk around it
/// darker. The page is found on a reduced copy (cheap: a scan, whose page fills the image, is told
/// apart there and left alone), then cut out and straightened to a rectangle at full resolution,
/// so it is read like a scan.
enum PagePerspective {
    /// Side of the reduced copy the page is looked for on.
    static let probeSide = 400

    /// The page cut out and straightened, or nil when the image is not a photo of a page with
    /// background around it (a scan, a screenshot, a page filling the frame).
    static func straightened(_ image: GrayImage) -> GrayImage? {
        guard image.width >= 200, image.height >= 200, let quad = pageCorners(image) else { return nil }
        return warp(image, quad: quad)
    }

    /// Corners (top left, top right, bottom right, bottom left) in the image's pixels.
    static func pageCorners(_ image: GrayImage) -> [(x: Double, y: Double)]? {
        let step = max(1, max(image.width, image.height) / probeSide)
        let width = image.width / step, height = image.height / step
        var small = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width { small[y * width + x] = image.pixels[(y * step) * image.width + x * step] }
        }
        let threshold = otsu(small)
        // The page: bright pixels connected to the centre.
        var inPage = [Bool](repeating: false, count: width * height)
        // The page lies under the centre: start from a paper pixel near it (the centre may be ink).
        guard let centre = paperNearCentre(small, width: width, height: height, threshold: threshold) else { return nil }
        var stack = [centre]
        inPage[centre] = true
        var area = 0
        var corners = [(x: 0, y: 0, score: Int.max), (x: 0, y: 0, score: Int.min), (x: 0, y: 0, score: Int.min), (x: 0, y: 0, score: Int.max)]
        var touchesEdge = 0
        while let index = stack.popLast() {
            let x = index % width, y = index / width
            area += 1
            if x == 0 || y == 0 || x == width - 1 || y == height - 1 { touchesEdge += 1 }
            // Extreme points along the diagonals are the corners of a convex quadrilateral.
            if x + y < corners[0].score { corners[0] = (x, y, x + y) }
            if x - y > corners[1].score { corners[1] = (x, y, x - y) }
            if x + y > corners[2].score { corners[2] = (x, y, x + y) }
            if x - y < corners[3].score { corners[3] = (x, y, x - y) }
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                let nx = x + dx, ny = y + dy
                guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                let next = ny * width + nx
                if !inPage[next], small[next] > threshold { inPage[next] = true; stack.append(next) }
            }
        }
        let fraction = Double(area) / Double(width * height)
        // A page that fills the frame (a scan) or touches its edges all round is not a photo on a desk;
        // a small bright blob is not a page.
        guard fraction > 0.2, fraction < 0.9, Double(touchesEdge) < 0.1 * Double(2 * (width + height)) else { return nil }
        return corners.map { (x: Double($0.x * step + step / 2), y: Double($0.y * step + step / 2)) }
    }

    /// A pixel brighter than `threshold` within a twentieth of the image from its centre.
    static func paperNearCentre(_ pixels: [UInt8], width: Int, height: Int, threshold: UInt8) -> Int? {
        let reach = max(width, height) / 20
        for radius in 0...reach {
            for (dx, dy) in [(radius, 0), (-radius, 0), (0, radius), (0, -radius), (radius, radius), (-radius, -radius)] {
                let x = width / 2 + dx, y = height / 2 + dy
                if x >= 0, y >= 0, x < width, y < height, pixels[y * width + x] > threshold { return y * width + x }
            }
        }
        return nil
    }

    /// Otsu's threshold of a grey histogram.
    static func otsu(_ pixels: [UInt8]) -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for pixel in pixels { histogram[Int(pixel)] += 1 }
        let total = Double(pixels.count)
        let sum = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var background = 0.0, backgroundSum = 0.0, best = 0.0, threshold = 127
        for level in 0..<256 {
            background += Double(histogram[level])
            guard background > 0, background < total else { continue }
            backgroundSum += Double(level * histogram[level])
            let meanBack = backgroundSum / background, meanFore = (sum - backgroundSum) / (total - background)
            let between = background * (total - background) * (meanBack - meanFore) * (meanBack - meanFore)
            if between > best { best = between; threshold = level }
        }
        return UInt8(threshold)
    }

    /// The quadrilateral mapped onto an upright rectangle of its own size (bilinear sampling).
    static func warp(_ image: GrayImage, quad: [(x: Double, y: Double)]) -> GrayImage? {
        func distance(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
            ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        }
        let width = Int(max(distance(quad[0], quad[1]), distance(quad[3], quad[2])))
        let height = Int(max(distance(quad[0], quad[3]), distance(quad[1], quad[2])))
        guard width > 100, height > 100,
              let h = homography(from: [(0, 0), (Double(width), 0), (Double(width), Double(height)), (0, Double(height))], to: quad)
        else { return nil }
        var out = [UInt8](repeating: 255, count: width * height)
        let sourceWidth = image.width, sourceHeight = image.height
        image.pixels.withUnsafeBufferPointer { source in
            for y in 0..<height {
                for x in 0..<width {
                    let u = Double(x), v = Double(y)
                    let w = h[6] * u + h[7] * v + 1
                    let sx = (h[0] * u + h[1] * v + h[2]) / w, sy = (h[3] * u + h[4] * v + h[5]) / w
                    let x0 = Int(sx), y0 = Int(sy)
                    guard x0 >= 0, y0 >= 0, x0 + 1 < sourceWidth, y0 + 1 < sourceHeight else { continue }
                    let fx = sx - Double(x0), fy = sy - Double(y0)
                    let row = y0 * sourceWidth
                    let top = Double(source[row + x0]) * (1 - fx) + Double(source[row + x0 + 1]) * fx
                    let bottom = Double(source[row + sourceWidth + x0]) * (1 - fx) + Double(source[row + sourceWidth + x0 + 1]) * fx
                    out[y * width + x] = UInt8(max(0, min(255, top * (1 - fy) + bottom * fy)))
                }
            }
        }
        return GrayImage(width: width, height: height, pixels: out, dpi: image.dpi)
    }

    /// The 3×3 projective map (h[8] = 1) taking four points onto four others, by Gaussian elimination.
    static func homography(from: [(Double, Double)], to: [(x: Double, y: Double)]) -> [Double]? {
        var a = [[Double]]()
        for (p, q) in zip(from, to) {
            a.append([p.0, p.1, 1, 0, 0, 0, -p.0 * q.x, -p.1 * q.x, q.x])
            a.append([0, 0, 0, p.0, p.1, 1, -p.0 * q.y, -p.1 * q.y, q.y])
        }
        for column in 0..<8 {
            guard let pivot = (column..<8).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }), abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            for row in 0..<8 where row != column {
                let factor = a[row][column] / a[column][column]
                for k in column..<9 { a[row][k] -= factor * a[column][k] }
            }
        }
        return (0..<8).map { a[$0][8] / a[$0][$0] }
    }
}
