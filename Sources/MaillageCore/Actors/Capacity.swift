/// How much an actor can provide, in one measure.
public struct Capacity: Sendable, Hashable, Codable {
    /// What the value counts: beds, places, consultations, FTE…
    public let measure: CapacityMeasure
    /// A finite amount, zero or more.
    public let value: Double
    /// True when the value is a documented default rather than a figure from the data
    /// (open data has no beds or home-care places).
    public let isEstimated: Bool

    /// The largest capacity in any measure: far above any real actor (a million beds, a billion
    /// consultations a year), low enough that the indicators' sums and ratios stay finite
    /// (`capacity.fte = 1e308` used to turn every indicator into infinity or NaN).
    public static let maximumValue = 1e9

    /// A capacity of `value` in `measure`.
    ///
    /// - Throws: ``ValidationError`` for a negative, non-finite or implausibly large value (above ``maximumValue``).
    public init(_ measure: CapacityMeasure, _ value: Double, isEstimated: Bool = false) throws {
        try ValidationError.checkNonNegative(value, field: "capacity.\(measure)")
        guard value <= Self.maximumValue else {
            throw ValidationError(
                field: "capacity.\(measure)",
                reason: "\(value) is more than any actor's capacity (at most \(Int64(Self.maximumValue)))")
        }
        self.measure = measure
        self.value = value
        self.isEstimated = isEstimated
    }

    /// Decodes a capacity with the same checks as ``init(_:_:isEstimated:)``, so a stored file cannot bypass them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            container.decode(CapacityMeasure.self, forKey: .measure),
            container.decode(Double.self, forKey: .value),
            isEstimated: container.decodeIfPresent(Bool.self, forKey: .isEstimated) ?? false
        )
    }
}
