/// How much an actor can provide, in one measure.
public struct Capacity: Sendable, Hashable, Codable {
    public let measure: CapacityMeasure
    /// A finite amount, zero or more.
    public let value: Double
    /// True when the value is a documented default rather than a figure from the data
    /// (open data has no beds or home-care places).
    public let isEstimated: Bool

    public init(_ measure: CapacityMeasure, _ value: Double, isEstimated: Bool = false) throws {
        try ValidationError.checkNonNegative(value, field: "capacity.\(measure)")
        self.measure = measure
        self.value = value
        self.isEstimated = isEstimated
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            container.decode(CapacityMeasure.self, forKey: .measure),
            container.decode(Double.self, forKey: .value),
            isEstimated: container.decodeIfPresent(Bool.self, forKey: .isEstimated) ?? false
        )
    }
}
