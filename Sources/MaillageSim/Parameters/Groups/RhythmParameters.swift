/// How urgent arrivals follow the week and the year (multipliers, normalised to a mean of 1
/// when compiled so that they move visits between days without changing the yearly total).
public struct RhythmParameters: Sendable, Hashable, Codable {
    /// Monday first: seven multipliers of urgent needs by day of the week.
    public var dayOfWeek: [Double]
    /// January first: twelve multipliers of urgent needs by month.
    public var month: [Double]
    /// Zones (ids) whose urgent needs rise in July and August by `tourist_summer_factor`.
    public var touristZones: [String]
    /// Multiplier of urgent needs in tourist zones in July and August (1 = none).
    public var touristSummerFactor: Double

    enum CodingKeys: String, CodingKey {
        case dayOfWeek = "day_of_week"
        case month
        case touristZones = "tourist_zones"
        case touristSummerFactor = "tourist_summer_factor"
    }
}
