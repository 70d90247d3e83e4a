/// Occupancy of long-stay resources on the first simulated day, so that a run starts near its
/// steady state instead of empty (care-network-model.md, "Saturation and pressure").
public struct SteadyStateParameters: Sendable, Hashable, Codable {
    /// Share of EHPAD places occupied at the start (about 88 %, DREES 2021).
    public var ehpadOccupancy: Double
    /// Share of hospital beds occupied at the start (short-stay beds about 75–80 %, DREES).
    public var bedOccupancy: Double
    /// Share of SSIAD places occupied at the start (services are mostly full).
    public var ssiadOccupancy: Double
    /// Share of HAD places occupied at the start.
    public var hadOccupancy: Double

    enum CodingKeys: String, CodingKey {
        case ehpadOccupancy = "ehpad_occupancy"
        case bedOccupancy = "bed_occupancy"
        case
            ssiadOccupancy = "ssiad_occupancy"
        case hadOccupancy = "had_occupancy"
    }
}
