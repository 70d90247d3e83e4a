/// What to do with an establishment FINESS gives no coordinates for.
public enum FinessPositionFallback: String, Sendable, Codable, CaseIterable {
    /// Leave it out, counted in the report.
    case skip
    /// Place it at its commune zone's point, and say so in its source reference.
    case commune
}
