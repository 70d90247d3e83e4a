import Dispatch

/// The graph rows of a run of consecutive zones, built apart from the others.
struct ZoneRowsChunk {
    /// Each zone's number of sites, in zone order.
    var rowLengths: [Int] = []
    /// The sites of every row, back to back.
    var sites: [Int32] = []
    /// Their times, in minutes.
    var minutes: [Double] = []
}

extension CatchmentGraph {
    /// Builds the rows of each run of zones in `chunks` (consecutive, in order, covering every
    /// zone) on all cores unless `parallel` is false, and joins them in zone order.
    ///
    /// Each zone's row depends on that zone alone, so the graph is the same whatever the
    /// number of threads.
    static func joiningChunks(
        _ chunks: [Range<Int>], zoneCount: Int, siteCount: Int, parallel: Bool = true,
        build: @Sendable (Range<Int>) -> ZoneRowsChunk
    ) -> CatchmentGraph {
        let results = UnsafeMutableBufferPointer<ZoneRowsChunk>.allocate(capacity: max(chunks.count, 1))
        results.initialize(repeating: ZoneRowsChunk())
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let slots = results
        if parallel && chunks.count > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks.count) { slots[$0] = build(chunks[$0]) }
        } else {
            for index in chunks.indices { slots[index] = build(chunks[index]) }
        }
        let total = results.reduce(0) { $0 + $1.sites.count }
        var offsets = [0]
        offsets.reserveCapacity(zoneCount + 1)
        var sites = [Int32]()
        var minutes = [Double]()
        sites.reserveCapacity(total)
        minutes.reserveCapacity(total)
        for index in results.indices {
            for length in results[index].rowLengths { offsets.append(offsets.last! + length) }
            sites.append(contentsOf: results[index].sites)
            minutes.append(contentsOf: results[index].minutes)
            results[index] = ZoneRowsChunk()  // free each chunk as soon as it is copied
        }
        return CatchmentGraph(
            zoneCount: zoneCount, siteCount: siteCount, offsets: offsets, sites: sites, minutes: minutes)
    }

    /// `count` zones cut into runs of `size` zones.
    static func zoneChunks(count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(size, 1)).map { $0..<min(count, $0 + max(size, 1)) }
    }
}
