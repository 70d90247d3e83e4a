/// A stored matrix read whole, as it lies in the database: its endpoints and one row of
/// pairs per origin (compressed rows), for computations that use every pair.
///
/// Row `r` is origin `endpoints[origins[r]]`; its pairs are `offsets[r]..<offsets[r + 1]` of
/// `destinations` (indices into `endpoints`, in the order given), `minutes` and `km`. The reading
/// rules (directed or not, intra-zone time) are the definition's, applied by the reader.
public struct StoredTravelMatrix: Sendable {
    public let definition: TravelMatrixDefinition
    /// Every endpoint the matrix names, by ordinal.
    public let endpoints: [TravelEndpoint]
    public let origins: [UInt32]
    public let offsets: [Int]
    public let destinations: [UInt32]
    public let minutes: [Double]
    /// Kilometres per pair (NaN where none), when asked for; nil otherwise.
    public let km: [Double]?

    public init(definition: TravelMatrixDefinition, endpoints: [TravelEndpoint], origins: [UInt32], offsets: [Int],
                destinations: [UInt32], minutes: [Double], km: [Double]?) {
        self.definition = definition
        self.endpoints = endpoints
        self.origins = origins
        self.offsets = offsets
        self.destinations = destinations
        self.minutes = minutes
        self.km = km
    }

    /// How many pairs are stored.
    public var pairCount: Int { destinations.count }
}
