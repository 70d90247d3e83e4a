/// One parameter a sensitivity analysis or calibration moves, with its range and whether an
/// observed source backs its default.
public struct ParameterRange: Sendable, Equatable, Codable {
    /// How the range reads.
    public enum Mode: String, Sendable, Codable {
        /// `range: [low, high]`: the parameter's own values.
        case absolute
        /// `scale: [low, high]`: a multiplier of the base value, or of every value of a band table.
        case scale
    }

    /// The dotted parameter name, as in a scenario's `overrides` (`emergency.base_wait_minutes`,
    /// `needs.acute_urgent.rate_per_year`, `hospital.length_of_stay.mean`).
    public var name: String
    /// The lower bound (a value, or a multiplier with `scale`).
    public var low: Double
    /// The upper bound (a value, or a multiplier with `scale`).
    public var high: Double
    /// Whether the bounds are values or multipliers of the base value.
    public var mode: Mode
    /// Whole numbers only (tolerances in days): values are rounded.
    public var integer: Bool
    /// Whether an observed source (a published statistic) backs the default; indicators whose
    /// variance comes mostly from parameters without one are flagged assumption-driven.
    public var observed: Bool
    /// Where the range comes from, in words.
    public var source: String

    /// A range; the caller keeps `low ≤ high`.
    public init(
        name: String, low: Double, high: Double, mode: Mode = .absolute, integer: Bool = false, observed: Bool,
        source: String = ""
    ) {
        self.name = name
        self.low = low
        self.high = high
        self.mode = mode
        self.integer = integer
        self.observed = observed
        self.source = source
    }

    /// The value at `unit` ∈ [0, 1] of the range (a multiplier for `scale`).
    public func value(at unit: Double) -> Double {
        let raw = low + unit * (high - low)
        return integer ? raw.rounded() : raw
    }
}
