/// One unit of a comparison's work: one replication of one scenario.
///
/// Jobs are independent; a shard runs some of them and a merge puts them back together.
public struct ComparisonJob: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The scenario's position in the plan (0 = the baseline).
    public var scenario: Int
    /// The replication's index (0-based), which is also its random stream.
    public var replication: Int

    /// The job of `replication` of the scenario at `scenario` in the plan.
    public init(scenario: Int, replication: Int) {
        self.scenario = scenario
        self.replication = replication
    }

    /// The plan's order: replication by replication, then scenario by scenario.
    public static func < (a: Self, b: Self) -> Bool { (a.replication, a.scenario) < (b.replication, b.scenario) }

    /// `scenario S, replication R`, 1-based, for progress and errors.
    public var description: String { "scenario \(scenario + 1), replication \(replication + 1)" }
}
