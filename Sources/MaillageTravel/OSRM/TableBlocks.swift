/// The requests a table is cut into: every origin chunk against every destination chunk.
///
/// OSRM refuses a table whose sources × destinations exceed `--max-table-size`²; blocks of at
/// most `size` origins by `size` destinations stay under that whatever the server's rule
/// (older servers count each side against the limit).
package struct TableBlock: Sendable, Hashable {
    /// The block's origins, by position.
    package let origins: Range<Int>
    /// The block's destinations, by position.
    package let destinations: Range<Int>

    /// The pairs the block asks for.
    package var pairCount: Int { origins.count * destinations.count }

    /// The block cut in four (or two when a side has one point), for a server that found it too big.
    func split() -> [TableBlock] {
        let originHalves = Self.halves(origins)
        let destinationHalves = Self.halves(destinations)
        return originHalves.flatMap { o in destinationHalves.map { TableBlock(origins: o, destinations: $0) } }
    }

    private static func halves(_ range: Range<Int>) -> [Range<Int>] {
        guard range.count > 1 else { return [range] }
        let middle = range.lowerBound + range.count / 2
        return [range.lowerBound..<middle, middle..<range.upperBound]
    }

    /// The blocks of an `origins` × `destinations` table, origin chunk by origin chunk.
    package static func plan(origins: Int, destinations: Int, size: Int) -> [TableBlock] {
        precondition(size > 0)
        var blocks: [TableBlock] = []
        for o in stride(from: 0, to: origins, by: size) {
            for d in stride(from: 0, to: destinations, by: size) {
                blocks.append(
                    TableBlock(origins: o..<min(o + size, origins), destinations: d..<min(d + size, destinations)))
            }
        }
        return blocks
    }
}
