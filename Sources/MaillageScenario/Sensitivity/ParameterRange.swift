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
    public var low: Double
    public var high: Double
    public var mode: Mode
    /// Whole numbers only (tolerances in days): values are rounded.
    public var integer: Bool
    /// Whether an observed source (a published statistic) backs the default; indicators whose
    /// variance comes mostly from parameters without one are flagged assumption-driven.
    public var observed: Bool
    /// Where the range comes from, in words.
    public var source: String

    public init(name: String, low: Double, high: Double, mode: Mode = .absolute, integer: Bool = false, observed: Bool, source: String = "") {
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
