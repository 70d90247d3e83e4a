/// What one job produced, exactly (numbers bit for bit), so that a shard can be written to a
/// file and merged elsewhere.
public struct JobResult: Sendable, Equatable, Codable {
    /// The job that produced these values.
    public var job: ComparisonJob
    /// The zones, in territory order, with the accessibility values (replication 0 only).
    public var zoneIDs: [String]?
    /// Each accessibility indicator's values (replication 0 only: they are deterministic).
    public var access: [AccessValues]
    /// The simulation's indicators, when the scenario simulates.
    public var simulation: SimulationValues?

    /// One accessibility indicator of the scenario (deterministic: computed once).
    public struct AccessValues: Sendable, Equatable, Codable {
        /// The indicator's label (``IndicatorSpec/label``).
        public var label: String
        /// The territory-wide value (one number).
        public var territory: PackedDoubles
        /// The value of each zone, in territory order.
        public var zones: PackedDoubles
    }

    /// One replication's simulation indicators: all territory-wide, the chosen ones per zone.
    public struct SimulationValues: Sendable, Equatable, Codable {
        /// The territory-wide indicators' names.
        public var territoryNames: [String]
        /// Their values, in the same order.
        public var territory: PackedDoubles
        /// The zone indicators compared zone by zone.
        public var zoneNames: [String]
        /// `zones[c]` holds indicator `zoneNames[c]` for every zone, in territory order.
        public var zones: [PackedDoubles]
    }
}
