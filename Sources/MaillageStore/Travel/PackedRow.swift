/// One origin's pairs as stored: destination ordinals ascending, their minutes, and their
/// kilometres (NaN for a pair without a distance; nil when no pair of the row has one).
struct PackedRow {
    var destinations: [UInt32] = []
    var minutes: [Double] = []
    var km: [Double]?

    /// The destination both rows give.
    struct Clash: Error {
        let destination: UInt32
    }

    /// Both rows' pairs in one row, destinations ascending; a destination in both is a clash.
    func merged(with other: PackedRow) -> Result<PackedRow, Clash> {
        var result = PackedRow()
        let withKm = km != nil || other.km != nil
        var kms: [Double] = []
        var (left, right) = (0, 0)
        func take(_ row: PackedRow, _ index: Int) {
            result.destinations.append(row.destinations[index])
            result.minutes.append(row.minutes[index])
            if withKm { kms.append(row.km?[index] ?? .nan) }
        }
        while left < destinations.count || right < other.destinations.count {
            if right == other.destinations.count || (left < destinations.count && destinations[left] < other.destinations[right]) {
                take(self, left); left += 1
            } else if left == destinations.count || other.destinations[right] < destinations[left] {
                take(other, right); right += 1
            } else {
                return .failure(Clash(destination: destinations[left]))
            }
        }
        if withKm { result.km = kms }
        return .success(result)
    }
}

/// The pairs of the origin being read, in the order they came, with their callers' tags.
struct PendingRow {
    var origin: UInt32 = 0
    private var destinations: [UInt32] = []
    private var minutes: [Double] = []
    private var km: [Double] = []
    private var hasKm = false
    private var tags: [Int] = []

    var isEmpty: Bool { destinations.isEmpty }

    mutating func append(destination: UInt32, minutes: Double, km: Double?, tag: Int) {
        destinations.append(destination)
        self.minutes.append(minutes)
        self.km.append(km ?? .nan)
        if km != nil { hasKm = true }
        tags.append(tag)
    }

    mutating func removeAll() {
        destinations.removeAll(keepingCapacity: true)
        minutes.removeAll(keepingCapacity: true)
        km.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        hasKm = false
    }

    /// Sorts the pairs by destination (a stable sort; most files come sorted already) and
    /// returns the first pair, in the order given, whose destination came before.
    mutating func sortAndFindDuplicate() -> (destination: UInt32, tag: Int)? {
        var sorted = true
        for index in destinations.indices.dropFirst() where destinations[index] <= destinations[index - 1] {
            sorted = false
            break
        }
        guard !sorted else { return nil }
        let order = destinations.indices.sorted { (destinations[$0], $0) < (destinations[$1], $1) }
        var duplicate: (position: Int, destination: UInt32)?
        for (previous, index) in zip(order, order.dropFirst()) where destinations[index] == destinations[previous] {
            if duplicate == nil || index < duplicate!.position { duplicate = (index, destinations[index]) }
        }
        if let duplicate { return (duplicate.destination, tags[duplicate.position]) }
        destinations = order.map { destinations[$0] }
        minutes = order.map { minutes[$0] }
        km = order.map { km[$0] }
        tags = order.map { tags[$0] }
        return nil
    }

    /// The tag given with a destination's pair.
    func tag(of destination: UInt32) -> Int {
        tags[destinations.firstIndex(of: destination) ?? 0]
    }

    /// The pairs as a stored row (call after ``sortAndFindDuplicate()``).
    var row: PackedRow {
        PackedRow(destinations: destinations, minutes: minutes, km: hasKm ? km : nil)
    }
}
