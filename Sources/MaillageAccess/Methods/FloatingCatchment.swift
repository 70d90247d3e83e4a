import Foundation

/// The floating catchment family: 2SFCA, E2SFCA (any decay) and 3SFCA (`indicators.md` §3).
///
/// Step 1 floats a catchment around each site using site → zone times:
/// `R_j = S_j / Σ_k P_k · f(t(j→k))`; step 2 floats one around each zone using zone → site
/// times: `A_i = Σ_j R_j · f(t(i→j))`. On a symmetric matrix this is the classic method.
/// 3SFCA multiplies `f` by the patient's selection weight `G_kj = f(t(k→j)) / Σ_j' f(t(k→j'))`
/// in both steps. Undefined values are NaN, exactly where PySAL `access` gives NaN.
public struct FloatingCatchment: Sendable, Equatable {
    /// How a trip's weight falls with its time, in both steps.
    public var decay: DistanceDecay
    /// Pairs slower than this are outside every catchment; nil keeps every pair given.
    public var limit: Double?
    /// 3SFCA: weigh each pair by the patient's selection probability, so demand is not counted at every site in reach.
    public var threeStage: Bool

    /// 2SFCA by default; E2SFCA with a decay; 3SFCA with `threeStage`.
    public init(decay: DistanceDecay = .uniform, limit: Double? = nil, threeStage: Bool = false) {
        self.decay = decay
        self.limit = limit
        self.threeStage = threeStage
    }

    /// Accessibility of each zone: supply per unit of demand within reach, NaN when no
    /// site is within reach.
    ///
    /// - Parameters:
    ///   - graph: the times between zones and sites, in both directions.
    ///   - supply: each site's capacity (FTE, consultations, beds…), finite and ≥ 0.
    ///   - demand: each zone's population or age-weighted population, finite and ≥ 0.
    public func accessibility(_ graph: CatchmentGraph, supply: [Double], demand: [Double]) throws -> [Double] {
        try validate(graph, supply: supply, demand: demand)
        if let table = WeightTable(decay, limit: limit) {
            let codes = table.codes(graph)
            return table.weights.withUnsafeBufferPointer { weights in
                codes.withUnsafeBufferPointer { codes in
                    accessibility(
                        graph, weights: CodedWeights(table: weights, codes: codes), supply: supply, demand: demand)
                }
            }
        }
        return rowWeights(graph).withUnsafeBufferPointer { weights in
            accessibility(graph, weights: DirectWeights(values: weights), supply: supply, demand: demand)
        }
    }

    /// Both steps, with each pair's weight read from `weights`.
    private func accessibility<Weights: PairWeightReader>(
        _ graph: CatchmentGraph, weights: Weights, supply: [Double], demand: [Double]
    ) -> [Double] {
        let selection = threeStage ? selectionTotals(graph, weights: weights) : nil
        let ratios = supplyRatios(graph, weights: weights, supply: supply, demand: demand, selection: selection)
        // Step 2 zone by zone on all cores: each zone's sum is its own, in its own order.
        return [Double](unsafeUninitializedCapacity: graph.zoneCount) { values, initialized in
            ratios.withUnsafeBufferPointer { ratios in
                nonisolated(unsafe) let (target, weights, ratios) = (values, weights, ratios)
                ParallelRanges.forEach(count: graph.zoneCount, size: 1024) { zones in
                    for zone in zones {
                        target.initializeElement(
                            at: zone,
                            to: zoneAccessibility(
                                graph, zone: zone, weights: weights, ratios: ratios, selection: selection?[zone]))
                    }
                }
            }
            initialized = graph.zoneCount
        }
    }

    /// Step 2 for one zone: `Σ_j R_j · f(t(i→j))` over the sites it reaches, NaN when none.
    @inline(__always)
    private func zoneAccessibility<Weights: PairWeightReader>(
        _ graph: CatchmentGraph, zone: Int, weights: Weights, ratios: UnsafeBufferPointer<Double>,
        selection: Double?
    ) -> Double {
        var reachable = false
        var sum = 0.0
        for slot in graph.zoneOffsets[zone]..<graph.zoneOffsets[zone + 1] {
            var weight = weights[slot]
            guard weight >= 0 else { continue }
            reachable = true
            let ratio = ratios[Int(graph.zoneSites[slot])]
            guard !ratio.isNaN else { continue }
            if let selection { weight *= selectionWeight(weight, total: selection) }
            sum += ratio * weight
        }
        return reachable ? sum : .nan
    }

    /// The decay weight of every zone → site pair, in the graph's row order, and −1 for a
    /// pair beyond the limit (weights are never negative), for decays with too many distinct
    /// weights to code (see ``WeightTable``).
    ///
    /// Both steps and the 3SFCA selection totals need the weight of each pair; working it out
    /// once rather than in every step took the method from 77 M to 53 M instructions on a
    /// 773,000-pair matrix (callgrind).
    func rowWeights(_ graph: CatchmentGraph) -> [Double] {
        let count = graph.zoneMinutes.count
        return [Double](unsafeUninitializedCapacity: count) { weights, initialized in
            graph.zoneMinutes.withUnsafeBufferPointer { minutes in
                nonisolated(unsafe) let (target, minutes) = (weights, minutes)
                ParallelRanges.forEach(count: count, size: 1 << 16) { slots in
                    for slot in slots {
                        let time = minutes[slot]
                        target.initializeElement(
                            at: slot, to: isReachable(time) ? decay.weight(time, limit: limit) : -1)
                    }
                }
            }
            initialized = count
        }
    }

    /// `R_j` for each site, NaN when no demand lies in its catchment.
    ///
    /// Step 1 sums over the zones each site reaches. On a symmetric graph the zone rows are
    /// read column-wise (each zone adds its share to the sites it reaches), in zone order,
    /// which is the same sum in the same order as walking each site's own row.
    func supplyRatios<Weights: PairWeightReader>(
        _ graph: CatchmentGraph, weights: Weights, supply: [Double], demand: [Double], selection: [Double]?
    ) -> [Double] {
        var weightedDemand = [Double](repeating: 0, count: graph.siteCount)
        if let reverse = graph.reverse {
            for site in 0..<graph.siteCount {
                for slot in reverse.offsets[site]..<reverse.offsets[site + 1] {
                    let zone = Int(reverse.columns[slot])
                    let minutes = reverse.minutes[slot]
                    guard isReachable(minutes) else { continue }
                    var weight = decay.weight(minutes, limit: limit)
                    if let selection {
                        weight *= selectionWeight(
                            zoneToSiteWeight(graph, zone: zone, site: site), total: selection[zone])
                    }
                    weightedDemand[site] += demand[zone] * weight
                }
            }
        } else {
            weightedDemand.withUnsafeMutableBufferPointer { weightedDemand in
                graph.zoneSites.withUnsafeBufferPointer { sites in
                    for zone in 0..<graph.zoneCount where demand[zone] > 0 {
                        let zoneDemand = demand[zone]
                        let total = selection?[zone]
                        for slot in graph.zoneOffsets[zone]..<graph.zoneOffsets[zone + 1] {
                            var weight = weights[slot]
                            guard weight >= 0 else { continue }
                            if let total { weight *= selectionWeight(weight, total: total) }
                            weightedDemand[Int(sites[slot])] += zoneDemand * weight
                        }
                    }
                }
            }
        }
        return (0..<graph.siteCount).map { weightedDemand[$0] > 0 ? supply[$0] / weightedDemand[$0] : .nan }
    }

    /// `Σ_j f(t(k→j))` for each zone: the denominator of the 3SFCA selection weight.
    func selectionTotals<Weights: PairWeightReader>(_ graph: CatchmentGraph, weights: Weights) -> [Double] {
        (0..<graph.zoneCount).map { zone in
            var total = 0.0
            for slot in graph.zoneOffsets[zone]..<graph.zoneOffsets[zone + 1] where weights[slot] >= 0 {
                total += weights[slot]
            }
            return total
        }
    }

    @inline(__always)
    private func selectionWeight(_ weight: Double, total: Double) -> Double {
        total > 0 ? weight / total : 0
    }

    /// `f(t(k→j))` looked up in the zone's row (rows built from pairs are sorted by site).
    private func zoneToSiteWeight(_ graph: CatchmentGraph, zone: Int, site: Int) -> Double {
        var low = graph.zoneOffsets[zone]
        var high = graph.zoneOffsets[zone + 1]
        while low < high {
            let middle = (low + high) / 2
            if Int(graph.zoneSites[middle]) < site { low = middle + 1 } else { high = middle }
        }
        guard low < graph.zoneOffsets[zone + 1], Int(graph.zoneSites[low]) == site,
            isReachable(graph.zoneMinutes[low])
        else { return 0 }
        return decay.weight(graph.zoneMinutes[low], limit: limit)
    }

    @inline(__always)
    func isReachable(_ minutes: Double) -> Bool { limit.map { minutes <= $0 } ?? true }

    private func validate(_ graph: CatchmentGraph, supply: [Double], demand: [Double]) throws {
        try decay.validate(limit: limit)
        try AccessInputs.check(graph, supply: supply, demand: demand, limit: limit)
    }
}

/// Checks shared by every accessibility method.
enum AccessInputs {
    static func check(_ graph: CatchmentGraph, supply: [Double], demand: [Double], limit: Double?) throws {
        guard supply.count == graph.siteCount else {
            throw AccessError.invalidInput("\(graph.siteCount) sites but \(supply.count) capacities")
        }
        guard demand.count == graph.zoneCount else {
            throw AccessError.invalidInput("\(graph.zoneCount) zones but \(demand.count) demands")
        }
        if let limit, !(limit.isFinite && limit > 0) {
            throw AccessError.invalidParameter("the catchment limit must be > 0 minutes, not \(limit)")
        }
        if let bad = supply.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw AccessError.invalidInput("site \(bad) has capacity \(supply[bad]); capacities must be finite and ≥ 0")
        }
        if let bad = demand.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw AccessError.invalidInput("zone \(bad) has demand \(demand[bad]); demand must be finite and ≥ 0")
        }
    }
}
