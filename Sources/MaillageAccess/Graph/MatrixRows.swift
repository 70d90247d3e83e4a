/// A travel matrix as stored: the endpoints it names and one row of pairs per origin
/// (compressed rows), the form a database or a CSV read whole gives without a text per pair.
///
/// Row `r` starts at endpoint `origins[r]`; its pairs are `offsets[r]..<offsets[r + 1]` of
/// `destinations` (endpoint indices) and `minutes`. Every endpoint should appear in a pair.
public struct MatrixRows: Sendable {
    /// Whether each endpoint is a zone (else an actor).
    public var endpointIsZone: [Bool]
    /// Each endpoint's id, in its own id space (zone or actor).
    public var endpointIDs: [String]
    /// The endpoint index of each row's origin.
    public var origins: [UInt32]
    /// Where each row's pairs start in ``destinations``, plus the end of the last row.
    public var offsets: [Int]
    /// Each pair's destination, as an endpoint index.
    public var destinations: [UInt32]
    /// Each pair's travel time, in minutes.
    public var minutes: [Double]

    /// Rows from their arrays, whose lengths must agree (checked by precondition: a programming error).
    public init(
        endpointIsZone: [Bool], endpointIDs: [String], origins: [UInt32], offsets: [Int], destinations: [UInt32],
        minutes: [Double]
    ) {
        precondition(
            endpointIsZone.count == endpointIDs.count && offsets.count == origins.count + 1
                && destinations.count == minutes.count && offsets.last == destinations.count, "inconsistent matrix rows"
        )
        self.endpointIsZone = endpointIsZone
        self.endpointIDs = endpointIDs
        self.origins = origins
        self.offsets = offsets
        self.destinations = destinations
        self.minutes = minutes
    }

    /// The rows of a list of pairs, one row per pair (origins need not be grouped).
    public init(pairs: [MatrixPair]) {
        var index: [MatrixEndpointKey: UInt32] = [:]
        var isZone: [Bool] = []
        var ids: [String] = []
        func ordinal(_ zone: Bool, _ id: String) -> UInt32 {
            let key = MatrixEndpointKey(isZone: zone, id: id)
            if let known = index[key] { return known }
            index[key] = UInt32(ids.count)
            isZone.append(zone)
            ids.append(id)
            return UInt32(ids.count - 1)
        }
        var origins: [UInt32] = []
        var destinations: [UInt32] = []
        var minutes: [Double] = []
        for pair in pairs {
            origins.append(ordinal(pair.originIsZone, pair.originID))
            destinations.append(ordinal(pair.destinationIsZone, pair.destinationID))
            minutes.append(pair.minutes)
        }
        self.init(
            endpointIsZone: isZone, endpointIDs: ids, origins: origins, offsets: Array(0...pairs.count),
            destinations: destinations, minutes: minutes)
    }

    /// The number of pairs in all rows.
    public var pairCount: Int { destinations.count }

    /// Every pair, row by row: for models that filter or look up pairs one by one (location models).
    public var pairs: [MatrixPair] {
        origins.indices.flatMap { row in
            let origin = Int(origins[row])
            return (offsets[row]..<offsets[row + 1]).map { slot in
                let destination = Int(destinations[slot])
                return MatrixPair(
                    originIsZone: endpointIsZone[origin], originID: endpointIDs[origin],
                    destinationIsZone: endpointIsZone[destination], destinationID: endpointIDs[destination],
                    minutes: minutes[slot])
            }
        }
    }
}

private struct MatrixEndpointKey: Hashable {
    let isZone: Bool
    let id: String
}
