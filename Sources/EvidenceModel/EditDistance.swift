extension String {
    /// Levenshtein distance to `other` by characters, giving up (returning `limit + 1`) as soon as
    /// it must exceed `limit`: fuzzy matches only ever ask 'within 1 or 2 edits?'.
    package func editDistance(to other: String, limit: Int = .max) -> Int {
        let x = Array(self), y = Array(other)
        if abs(x.count - y.count) > limit { return limit + 1 }
        guard !x.isEmpty else { return y.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = Swift.min(previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
                rowMin = Swift.min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
