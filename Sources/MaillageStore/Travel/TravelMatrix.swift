/// A travel-time matrix in memory, answering "how long from here to there" by its reading rules.
///
/// The database stores the pairs exactly as the file gave them plus the reading flag; the
/// rules of `shared/reference/indicators.md` ("Reading a matrix") are applied here, at lookup:
/// - *undirected* (the default): a pair `a → b` also gives `b → a`, unless `b → a` is stored;
/// - *directed*: a pair serves only its own direction;
/// - in both readings a missing pair is unreachable (nil), except a zone's own pair `i → i`,
///   which falls back to ``TravelMatrixDefinition/intrazoneMinutes``.
///
/// ```swift
/// let matrix = try database.travelMatrix(named: "osrm")
/// let minutes = matrix?.minutes(from: .zone("19031"), to: .actor("190000040"))
/// ```
public struct TravelMatrix: Sendable {
    /// An ordered pair of endpoints.
    struct Pair: Hashable, Sendable {
        let origin: TravelEndpoint
        let destination: TravelEndpoint
    }

    /// The matrix's name and reading rules (directed or not, intra-zone time).
    public let definition: TravelMatrixDefinition
    private let times: [Pair: TravelTime]

    /// Builds a matrix from its stored pairs; a pair given twice keeps the last time.
    public init(
        definition: TravelMatrixDefinition,
        pairs: [(origin: TravelEndpoint, destination: TravelEndpoint, time: TravelTime)]
    ) {
        self.definition = definition
        var times = [Pair: TravelTime](minimumCapacity: pairs.count)
        for pair in pairs { times[Pair(origin: pair.origin, destination: pair.destination)] = pair.time }
        self.times = times
    }

    /// How many pairs are stored (reverse pairs of an undirected matrix are not counted).
    public var storedPairCount: Int { times.count }

    /// The trip from `origin` to `destination`, or nil when it is unreachable.
    public func time(from origin: TravelEndpoint, to destination: TravelEndpoint) -> TravelTime? {
        if let time = times[Pair(origin: origin, destination: destination)] { return time }
        if !definition.isDirected, let time = times[Pair(origin: destination, destination: origin)] { return time }
        if origin == destination, origin.kind == .zone { return TravelTime(minutes: definition.intrazoneMinutes) }
        return nil
    }

    /// Minutes from `origin` to `destination`, or nil when it is unreachable.
    public func minutes(from origin: TravelEndpoint, to destination: TravelEndpoint) -> Double? {
        time(from: origin, to: destination)?.minutes
    }
}
