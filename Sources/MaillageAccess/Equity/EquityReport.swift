/// The equity measures of one indicator, as written to JSON (snake_case keys) and CSV.
public struct EquityReport: Sendable, Codable {
    /// Zones with a defined value, and those left out.
    public var zones: Int
    /// Zones whose value is undefined (NaN), left out of every measure.
    public var undefinedZones: Int
    /// People in the zones measured.
    public var population: Double
    /// Whether zones counted for their inhabitants or once.
    public var weighting: EquityAnalysis.Weighting
    /// The (weighted) mean of the indicator.
    public var mean: Double
    /// The Gini coefficient: 0 when everyone has the same value, towards 1 when one has all.
    public var gini: Double
    /// The Palma ratio: the share held by the best-served 10 % over that of the worst-served 40 %.
    public var palma: Double
    /// How zones were grouped for ``theil`` (`departement`, `density`, `quintiles of …`).
    public var grouping = ""
    /// The Theil index split into inequality between and within the groups.
    public var theil = Inequality.TheilDecomposition(total: .nan, between: .nan, within: .nan, groups: [])
    /// The attribute zones were ranked by for the concentration index, when one was used.
    public var concentrationAttribute: String?
    /// The concentration index: negative when the indicator favours zones ranked low.
    public var concentrationIndex: Double?
    /// The share of people below each threshold.
    public var shareBelow: [ThresholdShare] = []
    /// (cumulative share of people, cumulative share of the value) from (0, 0) to (1, 1).
    public var lorenz: [[Double]] = []
    /// How the spatial weights were built, in words.
    public var spatialWeights = ""
    /// Zones without a neighbour under those weights.
    public var islands = 0
    /// Global Moran's I; nil when it cannot be computed (too few zones, constant values).
    public var moran: MoranGlobal?
    /// Each zone's local Moran value, quadrant and cluster.
    public var lisa: [LocalZone] = []
    /// With a second run: the change of each measure from this run to it, with paired intervals.
    public var changes: [EquityChange] = []
    /// What a planner should know about the figures (zones left out, weights chosen).
    public var notes: [String] = []

    /// The people below one threshold of the indicator.
    public struct ThresholdShare: Sendable, Codable {
        /// The threshold, in the indicator's unit.
        public var threshold: Double
        /// The share of people whose value is strictly below the threshold.
        public var share: Double
    }

    /// One zone's local Moran statistic and the cluster it falls in.
    public struct LocalZone: Sendable, Codable {
        /// The zone's id.
        public var zoneID: String
        /// The zone's value of the indicator.
        public var value: Double
        /// The local Moran statistic Iᵢ.
        public var localI: Double
        /// The Moran scatterplot quadrant, significant or not.
        public var quadrant: MoranLocal.Quadrant
        /// The folded pseudo p-value; nil without permutations.
        public var pPermutation: Double?
        /// The quadrant when significant, else nil.
        public var cluster: MoranLocal.Quadrant?
    }

    init(
        zones: Int, undefinedZones: Int, population: Double, weighting: EquityAnalysis.Weighting, mean: Double,
        gini: Double, palma: Double
    ) {
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
            ("zones", "", Double(zones)), ("undefined_zones", "", Double(undefinedZones)),
            ("population", "", population),
            ("mean", "", defined(mean)), ("gini", "", defined(gini)), ("palma", "", defined(palma)),
            ("theil", "", defined(theil.total)), ("theil_between", grouping, defined(theil.between)),
            ("theil_within", grouping, defined(theil.within)),
        ]
        for group in theil.groups {
            rows += [
                ("group_population_share", group.group, defined(group.populationShare)),
                ("group_value_share", group.group, defined(group.valueShare)),
                ("group_mean", group.group, defined(group.mean)), ("group_theil", group.group, defined(group.theil)),
            ]
        }
        if let attribute = concentrationAttribute {
            rows.append(("concentration_index", attribute, defined(concentrationIndex)))
        }
        for share in shareBelow { rows.append(("share_below", NumberFormat.plain(share.threshold), share.share)) }
        if let moran {
            rows += [
                ("moran_i", spatialWeights, moran.i), ("moran_expected", spatialWeights, moran.expected),
                ("moran_z_normal", spatialWeights, defined(moran.zNormal)),
                ("moran_p_normal", spatialWeights, defined(moran.pNormal)),
                ("moran_p_permutation", spatialWeights, moran.pPermutation),
            ]
            for (name, count) in clusterCounts.sorted(by: { $0.key < $1.key }) {
                rows.append(("lisa_zones", name, Double(count)))
            }
        }
        for change in changes {
            rows += [
                ("change.\(change.measure)", "baseline", defined(change.baseline)),
                ("change.\(change.measure)", "alternative", defined(change.alternative)),
                ("change.\(change.measure)", "difference", defined(change.difference)),
                ("change.\(change.measure)", "lower", defined(change.lower)),
                ("change.\(change.measure)", "upper", defined(change.upper)),
            ]
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
