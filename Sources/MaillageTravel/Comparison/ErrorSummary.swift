/// How far one source's times are from a reference's over a set of pairs: mean absolute
/// error, median and 90th percentile of the absolute error, and mean signed error (bias;
/// positive when the compared source is slower). Minutes.
public struct ErrorSummary: Sendable, Codable, Hashable {
    /// The number of pairs compared.
    public let pairs: Int
    /// The mean absolute error, in minutes.
    public let mae: Double
    /// The median absolute error, in minutes.
    public let median: Double
    /// The 90th percentile of the absolute error, in minutes.
    public let p90: Double
    /// The mean signed error, in minutes: positive when the compared source is slower.
    public let bias: Double

    /// `errors` are compared minus reference, one per pair.
    public init(errors: [Double]) {
        pairs = errors.count
        guard !errors.isEmpty else {
            mae = .nan
            median = .nan
            p90 = .nan
            bias = .nan
            return
        }
        let absolute = errors.map(abs).sorted()
        mae = absolute.reduce(0, +) / Double(errors.count)
        bias = errors.reduce(0, +) / Double(errors.count)
        median = Self.quantile(absolute, 0.5)
        p90 = Self.quantile(absolute, 0.9)
    }

    /// Linear interpolation between order statistics (numpy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}

/// The distance bands errors are reported by, in geodesic km.
public enum DistanceBand {
    /// The lower edges of the bands, in km; the last band is open.
    public static let edges: [Double] = [0, 10, 20, 30, 50, 80]

    /// The label of the band holding `km` (`10–20 km`, `80+ km`).
    public static func label(forKm km: Double) -> String {
        let lower = edges.last { $0 <= km } ?? 0
        guard let upper = edges.first(where: { $0 > lower }) else { return "\(Int(lower))+ km" }
        return "\(Int(lower))–\(Int(upper)) km"
    }

    /// Every band's label, shortest first.
    public static var labels: [String] { edges.map { label(forKm: $0) } }
}
