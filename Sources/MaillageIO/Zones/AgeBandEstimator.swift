import MaillageCore

/// Estimates a zone's population by age band from a reference pyramid (its département's).
enum AgeBandEstimator {
    /// Splits `total` in the pyramid's proportions.
    ///
    /// With `over75` (the zone's own count of people aged 75 and over, at most `total`), the
    /// open-ended band gets exactly that figure and the other bands share the rest in the
    /// pyramid's proportions. The result adds up to `total` (to rounding error).
    static func estimate(total: Double, pyramid: [AgeBand: Double], over75: Double?) -> [AgeBand: Double] {
        let bands = pyramid.keys.sorted()
        guard let oldest = bands.last, oldest.upperAge == nil else { return [:] }
        var result = [AgeBand: Double]()
        if let over75 {
            let kept = min(max(over75, 0), total)
            let younger = bands.dropLast()
            let weight = younger.reduce(0) { $0 + pyramid[$1, default: 0] }
            for band in younger { result[band] = weight > 0 ? (total - kept) * pyramid[band, default: 0] / weight : 0 }
            result[oldest] = kept
            if weight == 0, let first = younger.first { result[first] = total - kept }
        } else {
            let weight = bands.reduce(0) { $0 + pyramid[$1, default: 0] }
            for band in bands { result[band] = weight > 0 ? total * pyramid[band, default: 0] / weight : 0 }
            if weight == 0 { result[bands[0]] = total }
        }
        return result
    }
}
