import MaillageAccess

/// What a location run reports (`maillage locate --json`): the sites opened, what each brings,
/// the solution's quality, and the change in the indicator the model targets.
public struct LocationRecord: Codable, Sendable, Equatable {
    /// Territory-wide figures of a set of open sites.
    public struct Summary: Codable, Sendable, Equatable {
        /// The coverage limit in minutes.
        public var coverageLimit: Double
        /// People within the coverage limit of an open site.
        public var coveredPopulation: Double
        /// People who reach no open site.
        public var unservedPopulation: Double
        /// The mean E2SFCA access of the worst-served tenth.
        public var lowestDecileAccess: Double
        /// The share covered, when there are inhabitants.
        public var coverageShare: Double?
        /// The mean trip to the nearest open site, when one is reached.
        public var meanMinutes: Double?
        /// The longest such trip.
        public var worstMinutes: Double?
        /// The Gini index of access, when defined.
        public var giniAccess: Double?

        enum CodingKeys: String, CodingKey {
            case coverageLimit = "coverage_limit"
            case coveredPopulation = "covered_population"
            case unservedPopulation = "unserved_population"
            case lowestDecileAccess = "lowest_decile_access"
            case coverageShare = "coverage_share"
            case meanMinutes = "mean_minutes"
            case worstMinutes = "worst_minutes"
            case giniAccess = "gini_access"
        }

        /// The record of `summary`.
        public init(_ summary: LocationSummary) {
            coverageLimit = summary.coverageLimit
            coveredPopulation = summary.coveredPopulation
            unservedPopulation = summary.unservedPopulation
            lowestDecileAccess = summary.lowestDecileAccess
            coverageShare = summary.coverageShare
            meanMinutes = summary.meanMinutes
            worstMinutes = summary.worstMinutes
            giniAccess = summary.giniOfAccess
        }
    }

    /// One open site.
    public struct Site: Codable, Sendable, Equatable {
        /// The site's id.
        public var id: String
        /// "new", "existing" or "kept".
        public var status: String
        /// People it serves.
        public var populationServed: Double
        /// People it brings within reach who had no site before.
        public var populationGained: Double
        /// Its capacity, when known.
        public var capacity: Double?

        enum CodingKeys: String, CodingKey {
            case id, status, capacity
            case populationServed = "population_served"
            case populationGained = "population_gained"
        }
    }

    /// The indicator the model improves, before (existing sites alone) and after.
    public struct Indicator: Codable, Sendable, Equatable {
        /// Its name (`coverage_share`, `mean_minutes`…).
        public var name: String
        /// Its value with the existing sites alone, when defined.
        public var before: Double?
        /// Its value with the solution, when defined.
        public var after: Double?
        /// `after − before`, when both are defined.
        public var change: Double?
    }

    /// The model solved (`mclp`, `capacitated-pmedian`…).
    public var model: String
    /// The ids of the open sites, in the solution's order.
    public var open: [String]
    /// The model's objective value.
    public var objective: Double
    /// Whether the solution is proven optimal.
    public var exact: Bool
    /// Zones no candidate reaches.
    public var unreachableZones: Int
    /// The sites file written.
    public var out: String
    /// How travel was modelled (`line` or `matrix`).
    public var travel: String
    /// The direction of travel read from the matrix.
    public var direction: String
    /// Figures of the solution.
    public var summary: Summary
    /// The open sites.
    public var sites: [Site]
    /// The targeted indicator's change.
    public var indicator: Indicator
    /// The stored matrix named, with matrix travel.
    public var matrix: String?
    /// Figures of the existing sites alone, when some were kept.
    public var summaryExistingOnly: Summary?
    /// A bound on the objective, for heuristic solutions.
    public var bound: Double?
    /// The relative gap to that bound.
    public var gap: Double?
    /// People covered (covering models).
    public var coveredPopulation: Double?
    /// People the capacities could not take.
    public var unassignedPopulation: Double?
    /// The objective with the existing sites alone.
    public var objectiveExistingOnly: Double?
    /// `objective − objectiveExistingOnly`.
    public var gain: Double?
    /// Why the access figures count sites rather than capacities, when they do.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case model, open, objective, exact, out, travel, direction, summary, sites, indicator, matrix
        case bound, gap, gain, note
        case unreachableZones = "unreachable_zones"
        case summaryExistingOnly = "summary_existing_only"
        case coveredPopulation = "covered_population"
        case unassignedPopulation = "unassigned_population"
        case objectiveExistingOnly = "objective_existing_only"
    }
}
