/// One origin's pairs as stored: destination ordinals in the order they were given, their
/// minutes, and their kilometres (NaN for a pair without a distance; nil when no pair of the
/// row has one).
struct PackedRow {
    var destinations: [UInt32] = []
    var minutes: [Double] = []
    var km: [Double]?

    /// Appends a pair.
    @inline(__always)
    mutating func append(destination: UInt32, minutes value: Double, km distance: Double?) {
        destinations.append(destination)
        minutes.append(value)
        if let distance {
            if km == nil { km = [Double](repeating: .nan, count: destinations.count - 1) }
            km!.append(distance)
        } else if km != nil {
            km!.append(.nan)
        }
    }

    /// Appends another row's pairs (an origin that came back later in the file).
    mutating func append(_ other: PackedRow) {
        let before = destinations.count
        destinations += other.destinations
        minutes += other.minutes
        if km != nil || other.km != nil {
            km =
                (km ?? [Double](repeating: .nan, count: before))
                + (other.km ?? [Double](repeating: .nan, count: other.destinations.count))
        }
    }

    mutating func removeAll() {
        destinations.removeAll(keepingCapacity: true)
        minutes.removeAll(keepingCapacity: true)
        km = nil
    }

    var isEmpty: Bool { destinations.isEmpty }
}
