import Foundation
import MaillageCore

/// Places the actors of a synthetic territory and links them, zone by zone.
///
/// Each step draws from its own random stream, so that changing one step (say, how
/// pharmacies are placed) leaves every other step's draws as they were.
struct NetworkBuilder {
    let options: GeneratorOptions
    let towns: [SettlementPattern.Town]
    let townNames: [String]
    let over75: [Double]
    private(set) var actors: [ActorDraft] = []
    private(set) var links: [LinkDraft] = []

    init(options: GeneratorOptions, towns: [SettlementPattern.Town], townNames: [String], over75: [Double]) {
        self.options = options
        self.towns = towns
        self.townNames = townNames
        self.over75 = over75
    }

    private var zoneRadius: Double { options.zoneArea.squareRoot() / 2 }
    private var territoryPopulation: Double { Double(options.population) }

    /// An actor's position: near its town's point, inside the territory.
    private func position(near zone: Int, using rng: inout SplitMix64) -> PlanarPoint {
        let spread = zoneRadius / 2
        let town = towns[zone].point
        return PlanarPoint(x: town.x + spread * rng.nextGaussian(), y: town.y + spread * rng.nextGaussian())
            .clamped(half: options.side / 2)
    }

    private mutating func add(_ draft: ActorDraft) -> Int {
        actors.append(draft)
        return actors.count - 1
    }

    private func indices(of kind: ActorKind) -> [Int] {
        actors.indices.filter { actors[$0].kind == kind }
    }

    private static func rounded(_ value: Double, _ step: Double) -> Double {
        (value / step).rounded() * step
    }
}

// MARK: - Hospitals

extension NetworkBuilder {
    /// Hospitals go to the larger towns, more than one in the largest; the first hospital of
    /// the most populous towns runs the emergency department.
    mutating func placeHospitals() throws {
        var rng = SplitMix64(seed: options.seed, stream: 10)
        let count = max(1, Int((territoryPopulation / SupplyRate.inhabitantsPerHospital).rounded()))
        let candidates = towns.indices.sorted {
            towns[$0].population != towns[$1].population ? towns[$0].population > towns[$1].population : $0 < $1
        }
        .prefix(max(1, 5 * count))
        let weights = candidates.map { pow(Double(max(1, towns[$0].population)), 0.6) }
        let seats = Sampling.dHondt(count, weights: weights)
        let emergencyCount = max(1, Int((territoryPopulation / SupplyRate.inhabitantsPerEmergencyDepartment).rounded()))
        let totalWeight = zip(weights, seats).reduce(0) { $0 + ($1.1 > 0 ? $1.0 : 0) }

        var hospitals: [(index: Int, share: Double)] = []
        var emergencyLeft = emergencyCount
        for (slot, zone) in candidates.enumerated() where seats[slot] > 0 {
            for rank in 0..<seats[slot] {
                let share = weights[slot] / totalWeight / Double(seats[slot])
                let beds = max(20, Self.rounded(territoryPopulation * SupplyRate.bedsPerInhabitant * share, 1))
                var draft = ActorDraft(
                    kind: .hospital, zone: zone, point: position(near: zone, using: &rng),
                    name: rank == 0
                        ? "Centre hospitalier de \(townNames[zone])"
                        : "Clinique \(PlaceNames.surname(using: &rng)) de \(townNames[zone])",
                    capacities: [try Capacity(.beds, beds)]
                )
                if rank == 0 && emergencyLeft > 0 {
                    draft.services.append("emergency")
                    emergencyLeft -= 1
                    if rng.nextUnit() < 0.6 { draft.services.append("smur") }
                }
                if rank == 0 && beds >= 150 { draft.services.append("maternity") }
                hospitals.append((add(draft), share))
            }
        }
        try setEmergencyVisits(hospitals)
    }

    private mutating func setEmergencyVisits(_ hospitals: [(index: Int, share: Double)]) throws {
        let departments = hospitals.filter { actors[$0.index].services.contains("emergency") }
        let shareSum = departments.reduce(0) { $0 + $1.share }
        let visitsPerDay = territoryPopulation * SupplyRate.emergencyVisitsPerInhabitant / 365
        for department in departments {
            let visits = Self.rounded(visitsPerDay * department.share / shareSum, 0.1)
            actors[department.index].capacities.append(try Capacity(.edVisitsPerDay, visits))
        }
    }
}

// MARK: - Primary care

extension NetworkBuilder {
    /// GPs, health centres, specialists, pharmacies and labs, drawn zone by zone in
    /// proportion to population (Poisson counts, so small rural zones are often left without).
    mutating func placePrimaryCare() throws {
        var rng = SplitMix64(seed: options.seed, stream: 20)
        for (zone, town) in towns.enumerated() {
            for rate in SupplyRate.placedPerZone {
                let count = Sampling.poisson(
                    rate.expected(population: town.population, density: town.density), using: &rng)
                for _ in 0..<count {
                    _ = add(try primaryCareDraft(kind: rate.kind, zone: zone, using: &rng))
                }
            }
            let ehpads = Sampling.poisson(over75[zone] / SupplyRate.over75PerEHPAD, using: &rng)
            for _ in 0..<ehpads {
                let places = Self.rounded(Sampling.uniform(60...110, using: &rng), 1)
                _ = add(
                    ActorDraft(
                        kind: .ehpad, zone: zone, point: position(near: zone, using: &rng),
                        name: "EHPAD \(PlaceNames.surname(using: &rng)) de \(townNames[zone])",
                        capacities: [try Capacity(.places, places)]
                    ))
            }
        }
    }

    private func primaryCareDraft(kind: ActorKind, zone: Int, using rng: inout SplitMix64) throws -> ActorDraft {
        let town = townNames[zone]
        var draft = ActorDraft(kind: kind, zone: zone, point: position(near: zone, using: &rng), name: "")
        switch kind {
        case .gp, .specialist, .healthCentre:
            let range: ClosedRange<Double> = kind == .healthCentre ? 2...6 : (kind == .gp ? 0.6...1.2 : 0.5...1.0)
            let fte = Self.rounded(Sampling.uniform(range, using: &rng), 0.1)
            draft.capacities = [
                try Capacity(.fte, fte),
                try Capacity(.consultationsPerDay, Self.rounded(fte * SupplyRate.consultationsPerFTEDay, 1)),
            ]
            if kind == .gp {
                draft.capacities.append(try Capacity(.listSize, Self.rounded(fte * SupplyRate.listSizePerFTE, 10)))
            }
            draft.name =
                switch kind {
                case .gp: "Cabinet du Dr \(PlaceNames.surname(using: &rng)), \(town)"
                case .specialist: "Cabinet de spécialistes \(PlaceNames.surname(using: &rng)), \(town)"
                default: "Centre de santé de \(town)"
                }
        case .pharmacy:
            draft.name = "Pharmacie \(PlaceNames.surname(using: &rng)), \(town)"
        default:
            draft.name = "Laboratoire de biologie de \(town)"
        }
        return draft
    }

    /// A maison de santé in some zones with two GPs or more; their GPs become its partners
    /// and its capacity is theirs, summed.
    mutating func groupPracticesIntoMSP() throws {
        var rng = SplitMix64(seed: options.seed, stream: 30)
        let gpsByZone = Dictionary(grouping: indices(of: .gp), by: { actors[$0].zone })
        for zone in towns.indices {
            guard let gps = gpsByZone[zone], gps.count >= 2, rng.nextUnit() < 0.3 else { continue }
            let members = gps.filter { _ in rng.nextUnit() < 0.85 }
            guard !members.isEmpty else { continue }
            let fte = members.reduce(0) { $0 + (actors[$1].capacities.first { $0.measure == .fte }?.value ?? 0) }
            let msp = add(
                ActorDraft(
                    kind: .msp, zone: zone, point: actors[members[0]].point,
                    name: "Maison de santé de \(townNames[zone])",
                    capacities: [
                        try Capacity(.fte, Self.rounded(fte, 0.1)),
                        try Capacity(.consultationsPerDay, Self.rounded(fte * SupplyRate.consultationsPerFTEDay, 1)),
                    ]
                ))
            for gp in members { links.append(LinkDraft(from: gp, kind: .partner, to: msp)) }
        }
    }
}

// MARK: - Home care and coordination

extension NetworkBuilder {
    /// One site per cell of a grid laid over the territory, in the cell's most populous zone:
    /// home-care services and CPTS spread out instead of piling into the largest town.
    private func spreadSites(count: Int) -> [Int] {
        let cells = max(1, Int(Double(count).squareRoot().rounded(.up)))
        let cellSide = options.side / Double(cells)
        let half = options.side / 2
        var best = [Int: Int]()
        for (zone, town) in towns.enumerated() {
            let cx = min(cells - 1, Int((town.point.x + half) / cellSide))
            let cy = min(cells - 1, Int((town.point.y + half) / cellSide))
            let key = cy * cells + cx
            if let current = best[key], towns[current].population >= town.population { continue }
            best[key] = zone
        }
        let sites = best.keys.sorted().map { best[$0]! }
        return sites.sorted {
            towns[$0].population != towns[$1].population ? towns[$0].population > towns[$1].population : $0 < $1
        }
        .prefix(count).sorted()
    }

    /// For each zone, the index (in `sites`) of the nearest site within `radius`, if any.
    private func nearestSite(of sites: [PlanarPoint], radius: Double = .infinity) -> [Int?] {
        let grid = _PlanarGrid(points: sites, cellSize: max(1, options.side / Double(max(1, sites.count)).squareRoot()))
        return towns.map { town in
            grid.nearest(to: town.point).flatMap { sites[$0].distance(to: town.point) <= radius ? $0 : nil }
        }
    }

    /// SSIAD and HAD services, each covering the zones nearer to it than to any other.
    mutating func placeHomeCare() throws {
        var rng = SplitMix64(seed: options.seed, stream: 40)
        for (kind, perActor) in [
            (ActorKind.ssiad, SupplyRate.inhabitantsPerSSIAD), (.had, SupplyRate.inhabitantsPerHAD),
        ] {
            let count = max(1, Int((territoryPopulation / perActor).rounded()))
            let sites = spreadSites(count: count)
            let drafts = sites.map { zone in
                add(
                    ActorDraft(
                        kind: kind, zone: zone, point: position(near: zone, using: &rng),
                        name: kind == .ssiad ? "SSIAD de \(townNames[zone])" : "HAD \(townNames[zone])"
                    ))
            }
            let covering = nearestSite(of: drafts.map { actors[$0].point })
            var coveredOver75 = Array(repeating: 0.0, count: drafts.count)
            var coveredPopulation = Array(repeating: 0.0, count: drafts.count)
            for (zone, site) in covering.enumerated() {
                guard let site else { continue }
                links.append(LinkDraft(from: drafts[site], kind: .covers, to: zone))
                coveredOver75[site] += over75[zone]
                coveredPopulation[site] += Double(towns[zone].population)
            }
            for (site, draft) in drafts.enumerated() {
                let places =
                    kind == .ssiad
                    ? max(15, Self.rounded(coveredOver75[site] * SupplyRate.ssiadPlacesPerOver75, 1))
                    : max(10, Self.rounded(coveredPopulation[site] * SupplyRate.hadPlacesPerInhabitant, 1))
                actors[draft].capacities = [try Capacity(.places, places)]
            }
        }
    }

    /// CPTS, each covering nearby zones (some zones have none) with members among the
    /// actors of those zones.
    mutating func placeCPTS() {
        var rng = SplitMix64(seed: options.seed, stream: 50)
        let count = max(1, Int((territoryPopulation / SupplyRate.inhabitantsPerCPTS).rounded()))
        let sites = spreadSites(count: count)
        let radius = options.side / Double(max(1, count)).squareRoot() * 0.75
        let cpts = sites.map { zone in
            add(
                ActorDraft(
                    kind: .cpts, zone: zone, point: towns[zone].point, name: "CPTS du pays de \(townNames[zone])"))
        }
        let covering = nearestSite(of: cpts.map { actors[$0].point }, radius: radius)
        for (zone, site) in covering.enumerated() {
            if let site { links.append(LinkDraft(from: cpts[site], kind: .covers, to: zone)) }
        }
        let joining: [ActorKind: Double] = [
            .gp: 0.6, .msp: 0.9, .healthCentre: 0.7, .pharmacy: 0.4,
            .specialist: 0.3, .ssiad: 0.6, .had: 0.5, .ehpad: 0.2,
        ]
        for actor in actors.indices {
            guard let p = joining[actors[actor].kind], let site = covering[actors[actor].zone] else { continue }
            if rng.nextUnit() < p { links.append(LinkDraft(from: actor, kind: .memberOf, to: cpts[site])) }
        }
    }
}

// MARK: - Referral and discharge links

extension NetworkBuilder {
    /// GPs and specialists refer to their nearest hospital; hospitals sign discharge
    /// agreements with nearby SSIADs, their nearest HAD and some nearby EHPADs.
    mutating func linkCityAndHospital() {
        var rng = SplitMix64(seed: options.seed, stream: 60)
        let hospitals = indices(of: .hospital)
        let hospitalGrid = _PlanarGrid(points: hospitals.map { actors[$0].point }, cellSize: 20)
        for actor in actors.indices where actors[actor].kind == .gp || actors[actor].kind == .specialist {
            let p = actors[actor].kind == .gp ? 0.7 : 0.5
            guard rng.nextUnit() < p, let nearest = hospitalGrid.nearest(to: actors[actor].point) else { continue }
            links.append(
                LinkDraft(
                    from: actor, kind: .refersTo, to: hospitals[nearest],
                    strength: Self.rounded(Sampling.uniform(0.3...1, using: &rng), 0.01)))
        }
        // A hospital signs with a few partners, not with everything in reach: at most the
        // three nearest SSIADs within 30 km, its nearest HAD, and five nearby EHPADs.
        for (targetKind, radius, most, p) in [
            (ActorKind.ssiad, 30.0, 3, 0.6), (.had, Double.infinity, 1, 0.8), (.ehpad, 10.0, 5, 0.3),
        ] {
            let targets = indices(of: targetKind)
            guard !targets.isEmpty else { continue }
            let points = targets.map { actors[$0].point }
            let grid = _PlanarGrid(points: points, cellSize: 10)
            for hospital in hospitals {
                let point = actors[hospital].point
                let nearby =
                    radius.isFinite
                    ? grid.within(radius, of: point).sorted {
                        (points[$0].distance(to: point), $0) < (points[$1].distance(to: point), $1)
                    }
                    : grid.nearest(to: point).map { [$0] } ?? []
                for target in nearby.prefix(most) where rng.nextUnit() < p {
                    links.append(
                        LinkDraft(
                            from: hospital, kind: .dischargesTo, to: targets[target],
                            strength: Self.rounded(Sampling.uniform(0.5...1, using: &rng), 0.01)))
                }
            }
        }
    }
}
