/// The equity measures of one indicator, as written to JSON (snake_case keys) and CSV.
public struct EquityReport: Sendable, Codable {
    /// Zones with a defined value, and those left out.
    public var zones: Int
    public var undefinedZones: Int
    public var population: Double
    public var weighting: EquityAnalysis.Weighting
    public var mean: Double
    public var gini: Double
    public var palma: Double
    public var grouping = ""
    public var theil = Inequality.TheilDecomposition(total: .nan, between: .nan, within: .nan, groups: [])
    public var concentrationAttribute: String?
    public var concentrationIndex: Double?
    public var shareBelow: [ThresholdShare] = []
    /// (cumulative share of people, cumulative share of the value) from (0, 0) to (1, 1).
    public var lorenz: [[Double]] = []
    public var spatialWeights = ""
    public var islands = 0
    public var moran: MoranGlobal?
    public var lisa: [LocalZone] = []
    /// With a second run: the change of each measure from this run to it, with paired intervals.
    public var changes: [EquityChange] = []
    public var notes: [String] = []

    public struct ThresholdShare: Sendable, Codable {
        public var threshold: Double
        /// The share of people whose value is strictly below the threshold.
        public var share: Double
    }

    public struct LocalZone: Sendable, Codable {
        public var zoneID: String
        public var value: Double
        public var localI: Double
        public var quadrant: MoranLocal.Quadrant
        public var pPermutation: Double?
        /// The quadrant when significant, else nil.
        public var cluster: MoranLocal.Quadrant?
    }

    init(zones: Int, undefinedZones: Int, population: Double, weighting: EquityAnalysis.Weighting, mean: Double, gini: Double, palma: Double) {
        self.zones = zones
        self.undefinedZones = undefinedZones
        self.population = population
        self.weighting = weighting
        self.mean = mean
        self.gini = gini
        self.palma = palma
    }

    /// How many zones fall in each significant cluster.
    public var clusterCounts: [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: MoranLocal.Quadrant.allCases.map { ($0.rawValue, 0) })
        counts["not_significant"] = 0
        for zone in lisa { counts[zone.cluster?.rawValue ?? "not_significant", default: 0] += 1 }
        return counts
    }

    /// The measures as (measure, group, value) rows, for a CSV file.
    public var rows: [(measure: String, group: String, value: Double?)] {
        func defined(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        var rows: [(String, String, Double?)] = [
            ("zones", "", Double(zones)), ("undefined_zones", "", Double(undefinedZones)), ("population", "", population),
            ("mean", "", defined(mean)), ("gini", "", defined(gini)), ("palma", "", defined(palma)),
            ("theil", "", defined(theil.total)), ("theil_between", grouping, defined(theil.between)),
            ("theil_within", grouping, defined(theil.within)),
        ]
        for group in theil.groups {
            rows += [("group_population_share", group.group, defined(group.populationShare)),
                     ("group_value_share", group.group, defined(group.valueShare)),
                     ("group_mean", group.group, defined(group.mean)), ("group_theil", group.group, defined(group.theil))]
        }
        if let attribute = concentrationAttribute { rows.append(("concentration_index", attribute, defined(concentrationIndex))) }
        for share in shareBelow { rows.append(("share_below", NumberFormat.plain(share.threshold), share.share)) }
        if let moran {
            rows += [("moran_i", spatialWeights, moran.i), ("moran_expected", spatialWeights, moran.expected),
                     ("moran_z_normal", spatialWeights, defined(moran.zNormal)), ("moran_p_normal", spatialWeights, defined(moran.pNormal)),
                     ("moran_p_permutation", spatialWeights, moran.pPermutation)]
            for (name, count) in clusterCounts.sorted(by: { $0.key < $1.key }) { rows.append(("lisa_zones", name, Double(count))) }
        }
        for change in changes {
            rows += [("change.\(change.measure)", "baseline", defined(change.baseline)), ("change.\(change.measure)", "alternative", defined(change.alternative)),
                     ("change.\(change.measure)", "difference", defined(change.difference)),
                     ("change.\(change.measure)", "lower", defined(change.lower)), ("change.\(change.measure)", "upper", defined(change.upper))]
        }
        return rows
    }
}

/// Numbers for labels: integers without a decimal point, others as Swift prints them.
enum NumberFormat {
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
