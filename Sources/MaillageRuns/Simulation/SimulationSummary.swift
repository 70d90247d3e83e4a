import Foundation
import MaillageFormats
import MaillageSim

/// territory.json: a simulation's territory-wide indicators, as `simulate` writes it and `--json` prints it.
///
/// Each indicator's name maps to its mean at the top level (beside the run's settings);
/// `intervals` holds its 95 % Student-t bounds and each replication's value. Undefined values are `null`.
public struct SimulationSummary: Codable, Sendable, Equatable {
    /// An indicator's 95 % interval and each replication's value.
    public struct Interval: Codable, Sendable, Equatable {
        /// The 95 % Student-t bounds (nil with one replication or an undefined value).
        public var low: Double?
        /// The upper 95 % bound (nil with one replication or an undefined value).
        public var high: Double?
        /// Each replication's value, in replication order (nil where undefined).
        public var replications: [Double?]

        enum CodingKeys: String, CodingKey {
            case low = "ci95_low"
            case high = "ci95_high"
            case replications
        }

        /// An interval and each replication's value.
        public init(low: Double?, high: Double?, replications: [Double?]) {
            (self.low, self.high, self.replications) = (low, high, replications)
        }

        /// Reads an interval leniently: null or missing bounds and replications read as nil or empty.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            (low, high) = (container.number(.low), container.number(.high))
            let values = try? container.decodeIfPresent([NullableNumber].self, forKey: .replications)
            replications = (values ?? []).map(\.value)
        }

        /// Writes both bounds, `null` where undefined, so that the file has a fixed shape.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNumber(low, forKey: .low)
            try container.encodeNumber(high, forKey: .high)
            try container.encode(replications.map(NullableNumber.init), forKey: .replications)
        }
    }

    /// Days simulated and counted.
    public var days: Int
    /// The random seed.
    public var seed: UInt64
    /// Replications run, each with its own random stream derived from the seed.
    public var replications: Int
    /// Inhabitants simulated.
    public var agents: Int
    /// The fraction of the inhabitants simulated.
    public var sample: Double
    /// The first counted day (ISO date).
    public var startDate: String
    /// Days simulated before the start date, not counted.
    public var warmUpDays: Int
    /// The stored run; nil in territory.json, which must not depend on the database.
    public var runID: Int64?
    /// Indicator name → mean over replications (nil when undefined).
    public var means: [String: Double?]
    /// Indicator name → its interval and replications' values.
    public var intervals: [String: Interval]

    private static let settings = [
        "days", "seed", "replications", "agents", "sample", "start_date", "warm_up_days", "run_id",
        "intervals",
    ]

    /// The summary of a simulation's result.
    public init(_ result: SimulationResult, request: SimulationRequest, runID: Int64?) {
        (days, seed, replications, agents) = (request.days, request.seed, request.replications, result.agents)
        (sample, startDate, warmUpDays) = (request.sample, request.parameters.startDate, request.parameters.warmUpDays)
        self.runID = runID
        (means, intervals) = ([:], [:])
        for indicator in result.territory {
            means.updateValue(NullableNumber(indicator.mean).value, forKey: indicator.name)
            intervals[indicator.name] = Interval(
                low: indicator.low, high: indicator.high, replications: indicator.values
            )
        }
    }

    /// Writes the settings, each indicator's mean at the top level and `intervals`, as territory.json has them.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        try container.encode(days, forKey: NamedCodingKey("days"))
        try container.encode(seed, forKey: NamedCodingKey("seed"))
        try container.encode(replications, forKey: NamedCodingKey("replications"))
        try container.encode(agents, forKey: NamedCodingKey("agents"))
        try container.encode(sample, forKey: NamedCodingKey("sample"))
        try container.encode(startDate, forKey: NamedCodingKey("start_date"))
        try container.encode(warmUpDays, forKey: NamedCodingKey("warm_up_days"))
        try container.encodeIfPresent(runID, forKey: NamedCodingKey("run_id"))
        for (name, mean) in means { try container.encodeNumber(mean, forKey: NamedCodingKey(name)) }
        try container.encode(intervals, forKey: NamedCodingKey("intervals"))
    }

    /// Reads territory.json: the known settings by name, every other number as an indicator's mean.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: NamedCodingKey.self)
        days = try container.decode(Int.self, forKey: NamedCodingKey("days"))
        seed = try container.decode(UInt64.self, forKey: NamedCodingKey("seed"))
        replications = try container.decode(Int.self, forKey: NamedCodingKey("replications"))
        agents = try container.decode(Int.self, forKey: NamedCodingKey("agents"))
        sample = try container.decodeIfPresent(Double.self, forKey: NamedCodingKey("sample")) ?? 1
        startDate = try container.decode(String.self, forKey: NamedCodingKey("start_date"))
        warmUpDays = try container.decode(Int.self, forKey: NamedCodingKey("warm_up_days"))
        runID = try container.decodeIfPresent(Int64.self, forKey: NamedCodingKey("run_id"))
        intervals = try container.decodeIfPresent([String: Interval].self, forKey: NamedCodingKey("intervals")) ?? [:]
        means = [:]
        for key in container.allKeys where !Self.settings.contains(key.stringValue) {
            means.updateValue(container.number(key), forKey: key.stringValue)
        }
    }
}
