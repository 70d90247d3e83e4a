import MaillageCore
import MaillageGeo

/// Everything an accessibility study needs besides the territory.
public struct AccessRequest: Sendable {
    /// The method and its parameters.
    public var method: AccessMethod
    /// The kinds of actor that count as sites (any of them).
    public var kinds: Set<ActorKind>
    /// Services a site must offer (any of them); empty keeps every site of the kinds.
    public var services: Set<String>
    /// The capacity measure used as supply; nil picks the kind's usual one.
    public var capacity: CapacityMeasure?
    /// Who needs care: the people each zone counts as demand.
    public var demand: Demand
    /// Where travel times come from.
    public var travel: Travel
    /// Multiply results by this (100,000 for "per 100,000 inhabitants"); nil leaves them as they are.
    public var per: Double?
    /// Divide by the population-weighted mean (PySAL's normalised variant).
    public var normalize: Bool

    /// The demand of a zone.
    public enum Demand: Sendable, Equatable {
        case population
        case ageWeighted(AgeWeights)
        /// The sum of these age bands' populations (`population.75+`, `population.60-74+population.75+`).
        case bands([AgeBand])
    }

    /// The source of travel times between zones and sites.
    public enum Travel: Sendable {
        /// Straight-line model, pairs searched within `limit` minutes.
        case line(StraightLineModel, limit: Double)
        /// An imported matrix's rows with its reading rules (`indicators.md`, "Reading a matrix").
        case matrix(pairs: [MatrixPair], directed: Bool, intrazoneMinutes: Double)
        /// The same, as the matrix is stored: one row of pairs per origin (no text per pair).
        case matrixRows(MatrixRows, directed: Bool, intrazoneMinutes: Double)
    }

    /// A request; only `method`, `kinds` and `travel` have no default.
    public init(
        method: AccessMethod, kinds: Set<ActorKind>, services: Set<String> = [], capacity: CapacityMeasure? = nil,
        demand: Demand = .population, travel: Travel, per: Double? = nil, normalize: Bool = false
    ) {
        self.method = method
        self.kinds = kinds
        self.services = services
        self.capacity = capacity
        self.demand = demand
        self.travel = travel
        self.per = per
        self.normalize = normalize
    }

    /// The capacity a kind is usually measured in.
    public static func usualCapacity(of kind: ActorKind) -> CapacityMeasure? {
        switch kind {
        case .gp, .msp, .healthCentre, .specialist: .fte
        case .hospital: .beds
        case .ssiad, .had, .ehpad: .places
        default: nil
        }
    }
}
