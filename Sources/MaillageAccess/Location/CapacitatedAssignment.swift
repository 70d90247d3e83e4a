/// Assigns each zone's demand to open sites within their capacities at the least cost: a
/// transportation problem solved exactly as a min-cost flow (successive shortest paths with
/// Dijkstra on reduced costs).
///
/// Demand is divisible (a commune's people may go to several sites), as in the capacitated
/// facility location literature and spopt/PuLP formulations with continuous assignment.
/// Demand that no open site can take, within its capacity or at all, stays unassigned at
/// `unassignedCost` a person, so the problem is always feasible and the shortfall is reported.
struct CapacitatedAssignment: Sendable {
    /// One zone's people sent to one site.
    struct Flow: Sendable, Equatable {
        var zone: Int
        var site: Int
        var persons: Double
    }

    /// Total cost: Σ persons × cost of their arc, plus the unassigned ones at their cost.
    var cost: Double
    /// People of each zone left unassigned.
    var unassigned: [Double]
    var flows: [Flow]

    var unassignedTotal: Double { unassigned.reduce(0, +) }

    /// - Parameters:
    ///   - arcs: for each zone, the open sites it may use and the cost a person.
    ///   - capacity: people each site can take, by site index.
    static func solve(
        population: [Double], arcs: [[(site: Int, cost: Double)]], capacity: [Int: Double],
        unassignedCost: Double
    ) -> CapacitatedAssignment {
        var network = FlowNetwork(
            population: population, arcs: arcs, capacity: capacity, unassignedCost: unassignedCost)
        network.run()
        return network.result(population: population)
    }
}

/// The residual network of the assignment: zone → site (a trip), zone → sink (unassigned),
/// site → sink (its capacity). Zones are the supplies; there is no super source.
private struct FlowNetwork {
    var to: [Int32] = [], capacity: [Double] = [], cost: [Double] = []
    var adjacency: [[Int32]]
    let zoneCount: Int
    let siteNodes: [Int: Int]
    let sink: Int
    let epsilon: Double
    let supply: [Double]

    init(
        population: [Double], arcs: [[(site: Int, cost: Double)]], capacity siteCapacity: [Int: Double],
        unassignedCost: Double
    ) {
        zoneCount = population.count
        supply = population
        let sites = siteCapacity.keys.sorted()
        var nodes: [Int: Int] = [:]
        for (offset, site) in sites.enumerated() { nodes[site] = zoneCount + offset }
        siteNodes = nodes
        sink = zoneCount + sites.count
        adjacency = Array(repeating: [], count: sink + 1)
        let total = population.reduce(0, +)
        epsilon = 1e-12 * max(1, total)
        let unlimited = total + 1
        for zone in 0..<zoneCount where population[zone] > 0 {
            for (site, cost) in arcs[zone] {
                guard let node = nodes[site] else { continue }
                add(from: zone, to: node, capacity: unlimited, cost: cost)
            }
            add(from: zone, to: sink, capacity: unlimited, cost: unassignedCost)
        }
        for site in sites { add(from: nodes[site]!, to: sink, capacity: siteCapacity[site]!, cost: 0) }
    }

    mutating func add(from: Int, to target: Int, capacity amount: Double, cost price: Double) {
        adjacency[from].append(Int32(to.count))
        to.append(Int32(target))
        capacity.append(amount)
        cost.append(price)
        adjacency[target].append(Int32(to.count))
        to.append(Int32(from))
        capacity.append(0)
        cost.append(-price)
    }

    /// Successive shortest paths, one zone's people at a time: augmenting along a shortest
    /// path from any node with supply keeps the residual network free of negative cycles, so
    /// the final flow is a min-cost flow. Every cost is ≥ 0 at the start, so zero potentials
    /// are valid. Dijkstra stops at the sink; only the nodes it settled move their potential
    /// (by their distance minus the sink's: the common shift of all others cancels in every
    /// reduced cost), which keeps the search local when the zone's own site has room.
    mutating func run() {
        let nodeCount = adjacency.count
        var potential = [Double](repeating: 0, count: nodeCount)
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var previous = [Int32](repeating: -1, count: nodeCount)
        var settled = [Bool](repeating: false, count: nodeCount)
        var touched: [Int] = []
        var settledNodes: [Int] = []
        var heap = MinHeap()
        for zone in 0..<zoneCount where supply[zone] > 0 {
            var remaining = supply[zone]
            while remaining > epsilon {
                for node in touched {
                    distance[node] = .infinity
                    previous[node] = -1
                    settled[node] = false
                }
                touched.removeAll(keepingCapacity: true)
                settledNodes.removeAll(keepingCapacity: true)
                distance[zone] = 0
                touched.append(zone)
                heap.removeAll()
                heap.push(0, zone)
                while let (d, node) = heap.pop() {
                    if settled[node] || d > distance[node] { continue }
                    settled[node] = true
                    settledNodes.append(node)
                    if node == sink { break }
                    for arc in adjacency[node] {
                        let arc = Int(arc)
                        guard capacity[arc] > epsilon else { continue }
                        let next = Int(to[arc])
                        if settled[next] { continue }
                        let candidate = d + cost[arc] + potential[node] - potential[next]
                        if candidate < distance[next] {
                            if distance[next] == .infinity { touched.append(next) }
                            distance[next] = candidate
                            previous[next] = Int32(arc)
                            heap.push(candidate, next)
                        }
                    }
                }
                // The unassigned arc always reaches the sink.
                let reach = distance[sink]
                for node in settledNodes { potential[node] += distance[node] - reach }
                var amount = remaining
                var node = sink
                while node != zone {
                    let arc = Int(previous[node])
                    amount = min(amount, capacity[arc])
                    node = Int(to[arc ^ 1])
                }
                node = sink
                while node != zone {
                    let arc = Int(previous[node])
                    capacity[arc] -= amount
                    capacity[arc ^ 1] += amount
                    node = Int(to[arc ^ 1])
                }
                remaining -= amount
            }
        }
    }

    func result(population: [Double]) -> CapacitatedAssignment {
        var flows: [CapacitatedAssignment.Flow] = []
        var unassigned = [Double](repeating: 0, count: zoneCount)
        var cost = 0.0
        let siteOf = Dictionary(uniqueKeysWithValues: siteNodes.map { ($1, $0) })
        for zone in 0..<zoneCount {
            for arc in adjacency[zone] where Int(arc) & 1 == 0 {
                let arc = Int(arc)
                let moved = capacity[arc ^ 1]
                guard moved > epsilon else { continue }
                cost += moved * self.cost[arc]
                if Int(to[arc]) == sink {
                    unassigned[zone] += moved
                } else if let site = siteOf[Int(to[arc])] {
                    flows.append(.init(zone: zone, site: site, persons: moved))
                }
            }
        }
        return CapacitatedAssignment(cost: cost, unassigned: unassigned, flows: flows)
    }
}

/// A binary min-heap of (key, node), for Dijkstra.
struct MinHeap {
    private var keys: [Double] = []
    private var nodes: [Int] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            nodes.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let key = keys.first, let node = nodes.first else { return nil }
        let last = keys.count - 1
        keys.swapAt(0, last)
        nodes.swapAt(0, last)
        keys.removeLast()
        nodes.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < keys.count, keys[left] < keys[smallest] { smallest = left }
            if right < keys.count, keys[right] < keys[smallest] { smallest = right }
            guard smallest != parent else { break }
            keys.swapAt(parent, smallest)
            nodes.swapAt(parent, smallest)
            parent = smallest
        }
        return (key, node)
    }
}
