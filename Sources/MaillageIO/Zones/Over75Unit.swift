/// How a column gives a zone's people aged 75 and over.
public enum Over75Unit: String, Sendable, CaseIterable {
    /// A fraction of the population, 0…1 (`pct_75plus_rp2020` holds 0.19 for 19 %).
    case share
    /// A percentage, 0…100.
    case percent
    /// A number of people (`pop_75plus_rp2020_est`).
    case count

    /// The unit a column's name suggests: a share for names with `pct`, `share`, `part`,
    /// `ratio` or `taux`, else a count.
    public static func guess(column: String) -> Over75Unit {
        let name = column.lowercased()
        return ["pct", "share", "part", "ratio", "taux"].contains { name.contains($0) } ? .share : .count
    }

    /// The count of people aged 75+ in a zone of `total` people, or nil when the value does
    /// not fit the unit (a share above 1).
    func count(_ value: Double, total: Double) -> Double? {
        switch self {
        case .share: (0...1).contains(value) ? value * total : nil
        case .percent: (0...100).contains(value) ? value / 100 * total : nil
        case .count: value >= 0 ? value : nil
        }
    }
}
