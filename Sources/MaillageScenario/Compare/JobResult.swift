/// What one job produced, exactly (numbers bit for bit), so that a shard can be written to a
/// file and merged elsewhere.
public struct JobResult: Sendable, Equatable, Codable {
    public var job: ComparisonJob
    /// The zones, in territory order, with the accessibility values (replication 0 only).
    public var zoneIDs: [String]?
    public var access: [AccessValues]
    public var simulation: SimulationValues?

    /// One accessibility indicator of the scenario (deterministic: computed once).
    public struct AccessValues: Sendable, Equatable, Codable {
        public var label: String
        public var territory: PackedDoubles
        public var zones: PackedDoubles
    }

    /// One replication's simulation indicators: all territory-wide, the chosen ones per zone.
    public struct SimulationValues: Sendable, Equatable, Codable {
        public var territoryNames: [String]
        public var territory: PackedDoubles
        public var zoneNames: [String]
        /// `zones[c]` holds indicator `zoneNames[c]` for every zone, in territory order.
        public var zones: [PackedDoubles]
    }
}
