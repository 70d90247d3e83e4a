/// A stored matrix read whole, as it lies in the database: its endpoints and one row of
/// pairs per origin (compressed rows), for computations that use every pair.
///
/// Row `r` is origin `endpoints[origins[r]]`; its pairs are `offsets[r]..<offsets[r + 1]` of
/// `destinations` (indices into `endpoints`, in the order given), `minutes` and `km`. The reading
/// rules (directed or not, intra-zone time) are the definition's, applied by the reader.
public struct StoredTravelMatrix: Sendable {
    /// The matrix's name and reading rules, which the reader applies.
    public let definition: TravelMatrixDefinition
    /// Every endpoint the matrix names, by ordinal.
    public let endpoints: [TravelEndpoint]
    /// Each row's origin, as an index into `endpoints`.
    public let origins: [UInt32]
    /// Row `r`'s pairs are `offsets[r]..<offsets[r + 1]`; one more entry than there are rows.
    public let offsets: [Int]
    /// Each pair's destination, as an index into `endpoints`.
    public let destinations: [UInt32]
    /// Each pair's travel time, in minutes.
    public let minutes: [Double]
    /// Kilometres per pair (NaN where none), when asked for; nil otherwise.
    public let km: [Double]?

    /// A matrix in compressed rows, as the store reads it.
    public init(
        definition: TravelMatrixDefinition, endpoints: [TravelEndpoint], origins: [UInt32], offsets: [Int],
        destinations: [UInt32], minutes: [Double], km: [Double]?
    ) {
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
