/// How many people live in a zone, in total and, when known, by age band.
///
/// Counts are real numbers because INSEE's census counts are weighted estimates
/// (a commune may have 1,234.56 inhabitants aged 0–14).
public struct Population: Sendable, Hashable {
    /// Everyone living in the zone.
    public let total: Double
    /// The bands counted, youngest first; empty when only the total is known.
    ///
    /// Kept apart from the counts so that zones with the same bands share one array: a grid of
    /// 200,000 cells held a dictionary of its bands per cell (91 MB, most of its population).
    public let bands: [AgeBand]
    /// The people in each of ``bands``, in the same order.
    public let counts: [Double]

    /// The tolerance, in people, between the total and the sum of the bands.
    public static let bandSumTolerance = 0.5

    /// The most people a zone may hold: more than the world's population, so only a typo
    /// (`1e19`, a column of ids read as counts) reaches it. Beyond `Int.max` a count trapped
    /// when the simulation turned it into agents.
    public static let maximumPerZone = 1e10

    /// A population, with bands that must add up to the total.
    ///
    /// - Throws: ``ValidationError`` for a negative, non-finite or implausible count, or bands whose sum differs from
    ///   the total by more than ``bandSumTolerance``.
    public init(total: Double, byBand: [AgeBand: Double] = [:]) throws {
        let ordered = Self.inAgeOrder(byBand)
        try self.init(total: total, bands: ordered.map(\.band), counts: ordered.map(\.count))
    }

    /// A population from its bands, youngest first, and their counts in the same order.
    ///
    /// Zones given the same `bands` array share its storage (a territory's loader passes one).
    ///
    /// - Throws: ``ValidationError`` as ``init(total:byBand:)`` does, and for bands out of age
    ///   order, given twice, or not as many as the counts.
    public init(total: Double, bands: [AgeBand], counts: [Double]) throws {
        try ValidationError.checkNonNegative(total, field: "population")
        try Self.checkBound(total, field: "population")
        guard bands.count == counts.count, Self.inAgeOrderOnce(bands) else {
            throw ValidationError(
                field: "population", reason: "the age bands must be given once each, youngest first, one count each")
        }
        // The field is named only for a count refused: a grid territory loads 1.2 million counts.
        for (band, count) in zip(bands, counts) where !(count.isFinite && count >= 0 && count <= Self.maximumPerZone) {
            try ValidationError.checkNonNegative(count, field: "population[\(band)]")
            try Self.checkBound(count, field: "population[\(band)]")
        }
        if !bands.isEmpty {
            let sum = counts.reduce(0, +)
            guard abs(sum - total) <= Self.bandSumTolerance * Double(bands.count) else {
                throw ValidationError(
                    field: "population",
                    reason: "the age bands add up to \(sum), not to the total \(total)"
                )
            }
        }
        self.total = total
        self.bands = bands
        self.counts = counts
    }

    private static func checkBound(_ count: Double, field: String) throws {
        guard count <= maximumPerZone else {
            throw ValidationError(
                field: field,
                reason:
                    "\(count) people is more than a zone can hold (at most \(Int64(maximumPerZone)), more than the world's population)"
            )
        }
    }

    /// A population whose total is the sum of its bands.
    public init(byBand: [AgeBand: Double]) throws {
        try self.init(total: Self.inAgeOrder(byBand).reduce(0) { $0 + $1.count }, byBand: byBand)
    }

    /// People by age band; empty when only the total is known.
    public var byBand: [AgeBand: Double] { Dictionary(uniqueKeysWithValues: zip(bands, counts)) }

    /// The band counts, youngest band first.
    ///
    /// Sums over bands go through this (or ``counts``): a dictionary's order changes from one
    /// process to the next (Swift seeds its hashing per process), and a floating-point sum taken
    /// in another order can differ in its last bit, which made results differ from run to run.
    public var bandsInAgeOrder: [(band: AgeBand, count: Double)] { zip(bands, counts).map { (band: $0, count: $1) } }

    /// Whether bands are youngest first, none twice (two may share a first age: tiling is the
    /// territory's check, with its own message).
    private static func inAgeOrderOnce(_ bands: [AgeBand]) -> Bool {
        if zip(bands, bands.dropFirst()).allSatisfy({ $0 < $1 }) { return true }
        return zip(bands, bands.dropFirst()).allSatisfy({ !($1 < $0) }) && Set(bands).count == bands.count
    }

    private static func inAgeOrder(_ byBand: [AgeBand: Double]) -> [(band: AgeBand, count: Double)] {
        byBand.sorted { $0.key < $1.key }.map { (band: $0.key, count: $0.value) }
    }

    /// No one.
    public static let zero = try! Population(total: 0)

    /// The count in one band, or nil when bands are unknown.
    public subscript(band: AgeBand) -> Double? {
        bands.isEmpty ? nil : bands.firstIndex(of: band).map { counts[$0] } ?? 0
    }
}
