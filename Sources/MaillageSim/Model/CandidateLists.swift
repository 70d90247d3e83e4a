import MaillageAccess
import MaillageCore
import MaillageGeo

/// For each zone, the providers of one role within the search limit, nearest first.
///
/// Agents of a zone share their travel times, so a choice is a short walk down this list
/// checking remaining capacity (compressed rows: 32-bit provider indices, minutes as Float).
struct CandidateLists: Sendable {
    var offsets: [Int32]
    var providers: [Int32]
    var minutes: [Float]

    @inline(__always)
    func range(_ zone: Int) -> Range<Int> { Int(offsets[zone])..<Int(offsets[zone + 1]) }

    /// Lists built from the straight-line travel model, ties broken by provider index.
    static func build(zones: [StraightLinePairs.Place], sites: [StraightLinePairs.Place], limit: Double, keep: Int)
        throws -> CandidateLists
    {
        var offsets: [Int32] = [0]
        var providers: [Int32] = []
        var minutes: [Float] = []
        offsets.reserveCapacity(zones.count + 1)
        guard !sites.isEmpty else {
            return CandidateLists(offsets: Array(repeating: 0, count: zones.count + 1), providers: [], minutes: [])
        }
        let graph = try StraightLinePairs.graph(
            zones: zones, sites: sites, model: .calibrated, limitMinutes: limit, threads: 1)
        var row: [(Int, Double)] = []
        for zone in 0..<zones.count {
            row.removeAll(keepingCapacity: true)
            graph.forEachSite(of: zone) { site, time in row.append((site, time)) }
            row.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            for (site, time) in row.prefix(keep) {
                providers.append(Int32(site))
                minutes.append(Float(time))
            }
            offsets.append(Int32(providers.count))
        }
        return CandidateLists(offsets: offsets, providers: providers, minutes: minutes)
    }
}
