/// A scenario's indicators over its replications, ready to be paired with another's.
public struct ScenarioOutcome: Sendable {
    /// The scenario's name.
    public var name: String
    /// The zones of its territory, in order.
    public var zoneIDs: [String]
    /// One series per indicator.
    public var series: [IndicatorSeries]
}

/// One indicator of one scenario: its territory value per replication, its zone values summarised.
public struct IndicatorSeries: Sendable {
    /// Where an indicator comes from: accessibility (deterministic) or the simulation.
    public enum Source: String, Sendable, Codable { case access, simulation }

    /// The indicator's name (a label for accessibility, the simulation's own name otherwise).
    public var name: String
    /// Accessibility or simulation.
    public var source: Source
    /// One value per replication, in replication order (one value for accessibility).
    public var territory: [Double]
    /// `zones[z]`: zone z's values over the replications, folded one replication at a time
    /// (count, mean, variance; NaN values left out), when the indicator is compared per zone.
    /// The values themselves are not kept: they would grow with zones × replications.
    public var zones: [RunningStatistics]?
}
