/// A list of providers for each zone, all held end to end in one array.
///
/// An array per zone cost 36 bytes a zone or more before its first entry: two such tables
/// (the SSIAD and HAD covering each zone) were 14 MB of a 200,000-zone grid's run, 3 MB as this.
struct ZoneLists: Sendable {
    /// Where each zone's list starts in `values`; the last is where the last list ends.
    private let offsets: [Int]
    private let values: [Int32]

    /// The lists, zone by zone, as given.
    init(_ lists: [[Int32]]) {
        var offsets = [0]
        offsets.reserveCapacity(lists.count + 1)
        var values: [Int32] = []
        values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            values += list
            offsets.append(values.count)
        }
        (self.offsets, self.values) = (offsets, values)
    }

    /// The zone's list.
    subscript(zone: Int) -> ArraySlice<Int32> { values[offsets[zone]..<offsets[zone + 1]] }
}
