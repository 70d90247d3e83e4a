import Foundation

/// The parameters an indicator study records: what the report reads back to title and label it.
///
/// One record for the writer (`maillage access …` stores it as the run's `parameters`) and for
/// the reader (`IndicatorReading`), so that a parameter a command uses cannot be left out of the
/// run without the report noticing. Values are kept as the user gave them (`"30"`, `"true"`,
/// `"exponential:0.12"`); a field a method does not use is absent, not empty. The JSON has
/// sorted keys and no escaped slashes, as stored runs always had.
public struct StudyParameters: Codable, Sendable, Equatable {
    /// Actor kind(s) that count as sites, comma-separated as given (`gp`, `hospital,msp`).
    public var kind: String?
    /// Services a site must offer, comma-separated; empty when any site counts.
    public var service: String?
    /// `line` or `matrix`.
    public var travel: String?
    /// The stored matrix's name chosen with `--matrix`; empty for the only one.
    public var matrix: String?
    /// The method's name (`2sfca`, `e2sfca`, `3sfca`, `gravity`); nearest and coverage runs leave it out.
    public var method: String?
    /// The distance decay as written (`exponential:0.12`, `gravity:60:-1`).
    public var decay: String?
    /// The catchment limit or coverage threshold in minutes.
    public var limit: String?
    /// The kinds counted by a coverage run.
    public var countedKinds: String?
    /// The gravity model's floor on travel times, in minutes.
    public var minimumMinutes: String?
    /// The capacity measure used as supply; empty for the kind's usual one.
    public var capacity: String?
    /// `population`, `age-weighted` or age-band columns.
    public var demand: String?
    /// Results per this many inhabitants; empty for per inhabitant.
    public var per: String?
    /// `true` when results are divided by the population-weighted mean.
    public var normalize: String?

    enum CodingKeys: String, CodingKey {
        case kind, service, travel, matrix, method, decay, limit, capacity, demand, per, normalize
        case countedKinds = "counted_kinds"
        case minimumMinutes = "minimum_minutes"
    }

    /// Parameters with the sites and travel every study has; the rest are set by the method.
    public init(kind: String? = nil, service: String? = nil, travel: String? = nil, matrix: String? = nil) {
        (self.kind, self.service, self.travel, self.matrix) = (kind, service, travel, matrix)
    }

    /// The parameters of a stored run's JSON; empty when the text is not such an object.
    public init(json text: String) {
        self = (try? JSONDecoder().decode(Self.self, from: Data(text.utf8))) ?? Self()
    }

    /// Records the supply and demand options of the catchment and gravity methods.
    public mutating func setSupply(capacity: String?, demand: String, per: Double?, normalize: Bool) {
        self.capacity = capacity ?? ""
        self.demand = demand
        self.per = per.map { "\($0)" } ?? ""
        self.normalize = "\(normalize)"
    }

    /// The canonical JSON stored with the run and mixed into its fingerprint.
    public var json: String { RunJSON.compact(self) }

    /// The recorded fields by their stored names (`counted_kinds`), for provenance tables.
    public var fields: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }

    /// The limit as a number.
    public var limitMinutes: Double? { limit.flatMap(Double.init) }

    /// The `per` option as a number.
    public var perInhabitants: Double? { per.flatMap(Double.init) }

    /// Whether results are an index (territory average = 1).
    public var isNormalized: Bool { normalize == "true" }
}
