import Foundation
import MaillageFormats

/// comparison.json: what `maillage compare` and `merge` write, `--json` prints and the report reads.
///
/// The scenarios' territory values with their 95 % intervals, and the territory-wide differences
/// of each alternative. Reading is lenient (a missing source, a seed written as a number, 1/0
/// flags) so that a file written by hand or by an older version still reads; writing always
/// gives every key, with `null` for an undefined number.
public struct ComparisonSummary: Codable, Sendable {
    /// An indicator compared: its name and where it comes from.
    public struct Indicator: Codable, Sendable, Equatable {
        /// The indicator's name, the key of each scenario's estimates.
        public var name: String
        /// `access` (deterministic) or `simulation`; empty when the file does not say.
        public var source: String

        /// An indicator and its source.
        public init(name: String, source: String) {
            (self.name, self.source) = (name, source)
        }

        /// Reads an indicator, with an empty source when the file gives none (older files).
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            source = (try? container.decodeIfPresent(String.self, forKey: .source)) ?? ""
        }
    }

    /// A scenario's territory-wide value of an indicator: the mean, its 95 % interval, each replication's value.
    public struct Estimate: Codable, Sendable, Equatable {
        /// The mean over replications and its 95 % interval (nil when undefined).
        public var mean: Double?
        /// The lower bound of the 95 % interval of the mean (nil when undefined).
        public var low: Double?
        /// The upper bound of the 95 % interval of the mean (nil when undefined).
        public var high: Double?
        /// Each replication's value (nil where undefined).
        public var values: [Double?]
        /// `access` or `simulation` when the estimate says where it comes from; nil in older files.
        public var source: String?

        enum CodingKeys: String, CodingKey { case mean, low, high, values, source }

        /// An estimate and its replications.
        public init(mean: Double?, low: Double?, high: Double?, values: [Double?] = [], source: String? = nil) {
            (self.mean, self.low, self.high, self.values, self.source) = (mean, low, high, values, source)
        }

        /// Reads an estimate leniently: numbers may be null or missing, values may be absent.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            (mean, low, high) = (container.number(.mean), container.number(.low), container.number(.high))
            values = ((try? container.decodeIfPresent([NullableNumber].self, forKey: .values)) ?? []).map(\.value)
            source = try? container.decodeIfPresent(String.self, forKey: .source)
        }

        /// Writes every number key, `null` where undefined, so that readers see a fixed shape.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNumber(mean, forKey: .mean)
            try container.encodeNumber(low, forKey: .low)
            try container.encodeNumber(high, forKey: .high)
            try container.encode(values.map(NullableNumber.init), forKey: .values)
            try container.encodeIfPresent(source, forKey: .source)
        }
    }

    /// A scenario and its estimates by indicator name.
    public struct Scenario: Codable, Sendable {
        /// The scenario's name, as in the comparison's baseline and alternatives.
        public var name: String
        /// Indicator name → the scenario's territory-wide estimate (the `indicators` key in the file).
        public var estimates: [String: Estimate]

        enum CodingKeys: String, CodingKey {
            case name
            case estimates = "indicators"
        }

        /// A scenario and its estimates.
        public init(name: String, estimates: [String: Estimate]) {
            (self.name, self.estimates) = (name, estimates)
        }

        /// Reads a scenario, with no estimates when the file gives none.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            estimates = (try? container.decodeIfPresent([String: Estimate].self, forKey: .estimates)) ?? [:]
        }
    }

    /// A territory-wide difference, alternative − baseline, with its paired interval.
    public struct Difference: Codable, Sendable {
        /// The alternative and the indicator compared.
        public var alternative: String
        /// The indicator compared, by name.
        public var indicator: String
        /// `access` or `simulation`, when the file says; labels the difference in the report.
        public var source: String?
        /// The baseline's and the alternative's values, and their difference.
        public var baseline: Double?
        /// The alternative's value (`alternative_value` in the file), nil when undefined.
        public var alternativeValue: Double?
        /// Alternative − baseline over the paired replications; nil when undefined.
        public var difference: Double?
        /// The 95 % paired interval of the difference.
        public var lower: Double?
        /// The upper bound of the 95 % paired interval (`lower` is the lower one).
        public var upper: Double?
        /// The paired t-test's p-value (nil when undefined).
        public var pValue: Double?
        /// The 95 % interval excludes 0.
        public var significant: Bool
        /// Replications the interval is computed over.
        public var replications: Int?

        enum CodingKeys: String, CodingKey {
            case alternative, indicator, source, baseline, difference, lower, upper, significant, replications
            case alternativeValue = "alternative_value"
            case pValue = "p_value"
        }

        /// A difference with every figure given, as `maillage compare` computes it.
        public init(
            alternative: String, indicator: String, source: String?, baseline: Double?, alternativeValue: Double?,
            difference: Double?, lower: Double?, upper: Double?, pValue: Double?, significant: Bool, replications: Int?
        ) {
            (self.alternative, self.indicator, self.source) = (alternative, indicator, source)
            (self.baseline, self.alternativeValue, self.difference) = (baseline, alternativeValue, difference)
            (self.lower, self.upper, self.pValue) = (lower, upper, pValue)
            (self.significant, self.replications) = (significant, replications)
        }

        /// Reads a difference leniently: null numbers, a missing source, 1/0 or true/false flags.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            alternative = try container.decode(String.self, forKey: .alternative)
            indicator = try container.decode(String.self, forKey: .indicator)
            source = try? container.decodeIfPresent(String.self, forKey: .source)
            (baseline, alternativeValue) = (container.number(.baseline), container.number(.alternativeValue))
            difference = container.number(.difference)
            (lower, upper) = (container.number(.lower), container.number(.upper))
            pValue = container.number(.pValue)
            significant = container.flag(.significant) ?? false
            replications = try? container.decodeIfPresent(Int.self, forKey: .replications)
        }

        /// Writes every number key, `null` where undefined, under the file's snake_case names.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(alternative, forKey: .alternative)
            try container.encode(indicator, forKey: .indicator)
            try container.encodeIfPresent(source, forKey: .source)
            try container.encodeNumber(baseline, forKey: .baseline)
            try container.encodeNumber(alternativeValue, forKey: .alternativeValue)
            try container.encodeNumber(difference, forKey: .difference)
            try container.encodeNumber(lower, forKey: .lower)
            try container.encodeNumber(upper, forKey: .upper)
            try container.encodeNumber(pValue, forKey: .pValue)
            try container.encode(significant, forKey: .significant)
            try container.encodeIfPresent(replications, forKey: .replications)
        }
    }

    /// The baseline scenario's name.
    public var baseline: String
    /// The alternatives, in the order given.
    public var alternatives: [String]
    /// Replications per scenario, when the file says (nil for a hand-written file).
    public var replications: Int?
    /// The seed, as text (a 64-bit seed does not fit every JSON reader's numbers).
    public var seed: String?
    /// Days simulated.
    public var days: Int?
    /// The indicators compared, in the order of the files.
    public var indicators: [Indicator]
    /// The baseline, then each alternative.
    public var scenarios: [Scenario]
    /// Territory-wide differences, alternative by alternative.
    public var differences: [Difference]

    enum CodingKeys: String, CodingKey {
        case baseline, alternatives, replications, seed, days, indicators, scenarios, differences
    }

    /// A comparison with every part given, as `maillage compare` and `merge` build it.
    public init(
        baseline: String, alternatives: [String], replications: Int?, seed: String?, days: Int?,
        indicators: [Indicator], scenarios: [Scenario], differences: [Difference]
    ) {
        (self.baseline, self.alternatives, self.replications) = (baseline, alternatives, replications)
        (self.seed, self.days) = (seed, days)
        (self.indicators, self.scenarios, self.differences) = (indicators, scenarios, differences)
    }

    /// Reads comparison.json leniently: a seed written as a number, missing lists as empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        baseline = try container.decode(String.self, forKey: .baseline)
        alternatives = try container.decode([String].self, forKey: .alternatives)
        replications = try? container.decodeIfPresent(Int.self, forKey: .replications)
        seed =
            (try? container.decodeIfPresent(String.self, forKey: .seed))
            ?? (try? container.decodeIfPresent(UInt64.self, forKey: .seed)).flatMap { $0.map(String.init) }
        days = try? container.decodeIfPresent(Int.self, forKey: .days)
        indicators = (try? container.decodeIfPresent([Indicator].self, forKey: .indicators)) ?? []
        scenarios = (try? container.decodeIfPresent([Scenario].self, forKey: .scenarios)) ?? []
        differences = (try? container.decodeIfPresent([Difference].self, forKey: .differences)) ?? []
    }

    /// The estimate of a scenario's indicator.
    public func estimate(_ scenario: String, _ indicator: String) -> Estimate? {
        scenarios.first { $0.name == scenario }?.estimates[indicator]
    }
}
