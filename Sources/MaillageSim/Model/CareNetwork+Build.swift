import Dispatch
import Foundation
import MaillageAccess
import MaillageCore

extension CareNetwork {
    /// Compiles a territory, refusing one that cannot be simulated (no inhabitants, no GP, no hospital).
    ///
    /// With a `sample` fraction below 1, each zone and band keeps that fraction of its
    /// inhabitants (rounded) and every capacity shrinks by the same fraction, so that
    /// pressure on providers is the same as with everyone; results are weighted back.
    init(territory: Territory, parameters p: SimulationParameters, sample: Double = 1) throws {
        self.territory = territory
        self.sample = sample
        bandIDs = territory.ageBands.map(\.id)
        try p.validateBands(bandIDs)
        zoneCount = territory.zones.count
        var perBand: [Int] = []
        perBand.reserveCapacity(zoneCount * bandIDs.count)
        for zone in territory.zones {
            perBand += Self.agents(zone.population, bands: territory.ageBands, shares: p.population.defaultAgeShares)
                .map { sample < 1 ? Int((Double($0) * sample).rounded()) : $0 }
        }
        agentsPerZoneBand = perBand
        guard perBand.reduce(0, +) > 0 else {
            throw SimulationError.unusableTerritory("its \(zoneCount) zone(s) have no inhabitants")
        }
        guard perBand.count <= Int(UInt32.max) else {
            throw SimulationError.unusableTerritory("more than 4 billion inhabitants")
        }

        let actors = territory.actors
        func value(_ actor: Actor, _ measure: CapacityMeasure) -> Double? { actor.capacity(measure)?.value }
        let mspWithGPs = Self.mspWithGPPartners(territory)
        for (index, actor) in actors.enumerated() {
            switch actor.kind {
            case .gp, .healthCentre, .msp:
                if actor.kind == .msp, mspWithGPs.contains(index) { continue }  // its capacity is its GPs'
                let fte = value(actor, .fte)
                let slots = value(actor, .consultationsPerDay) ?? fte.map { $0 * p.gp.consultationsPerFTEDay } ?? 0
                gp.actors.append(index)
                gp.capacity.append(slots)
                gpListCapacity.append(
                    value(actor, .listSize)
                        ?? (fte ?? slots / p.gp.consultationsPerFTEDay) * p.population.listSizePerFTE)
            case .specialist:
                specialist.actors.append(index)
                specialist.capacity.append(
                    value(actor, .consultationsPerDay)
                        ?? (value(actor, .fte) ?? 1) * p.specialist.consultationsPerFTEDay)
            case .hospital:
                let position = hospital.count
                hospital.actors.append(index)
                // Missing beds are estimated below from the population the hospital serves.
                hospital.capacity.append(value(actor, .beds) ?? .nan)
                let general = actor.offers("emergency")
                let paediatric = actor.offers("paediatric_emergency")
                // A paediatric-only department receives children only when the choice lets them go there.
                if general || (paediatric && p.emergency.choice.paediatricWeight > 0) {
                    emergency.actors.append(index)
                    // Staffed capacity is set below from the beds: observed visit counts are for validation only.
                    emergency.capacity.append(.nan)
                    emergencyHospital.append(position)
                    emergencyGeneral.append(general)
                    emergencyPaediatric.append(paediatric)
                    let beds = value(actor, .edShortStayBeds) ?? 0
                    emergencySize.append(Foundation.pow(1 + beds, p.emergency.choice.sizeElasticity))
                }
            case .pharmacy:
                pharmacy.actors.append(index)
                pharmacy.capacity.append(0)
            case .ssiad:
                ssiad.actors.append(index)
                ssiad.capacity.append(value(actor, .places) ?? p.homeCare.defaultSSIADPlaces)
            case .had:
                had.actors.append(index)
                had.capacity.append(value(actor, .places) ?? p.homeCare.defaultHADPlaces)
            case .ehpad:
                ehpad.actors.append(index)
                ehpad.capacity.append(value(actor, .places) ?? p.homeCare.defaultEHPADPlaces)
            default:
                continue
            }
        }
        emergencyChildBand = territory.ageBands.map { ($0.upperAge ?? .max) < EmergencyChoice.adultAge }
        guard !gp.actors.isEmpty else {
            throw SimulationError.unusableTerritory("it has no GP (actors of kind gp, health_centre or msp)")
        }
        guard !hospital.actors.isEmpty else { throw SimulationError.unusableTerritory("it has no hospital") }

        let zonePlaces = territory.zones.map { StraightLinePairs.Place(point: $0.point, density: $0.densityClass) }
        let density = Dictionary(territory.zones.map { ($0.id, $0.densityClass) }, uniquingKeysWith: { a, _ in a })
        func places(_ role: ProviderRole) -> [StraightLinePairs.Place] {
            role.actors.map {
                StraightLinePairs.Place(
                    point: actors[$0].point, density: actors[$0].zoneID.flatMap { density[$0] } ?? nil)
            }
        }
        let keep = p.travel.maxCandidates
        let searches = [
            (places(gp), p.travel.gpLimitMinutes, keep), (places(specialist), p.travel.specialistLimitMinutes, keep),
            (places(hospital), p.travel.hospitalLimitMinutes, keep),
            (places(emergency), p.travel.emergencyLimitMinutes, keep),
            (places(pharmacy), p.travel.pharmacyLimitMinutes, keep), (places(ehpad), p.travel.ehpadLimitMinutes, keep),
            (places(ssiad), p.travel.hospitalLimitMinutes, 3), (places(had), p.travel.hospitalLimitMinutes, 3),
        ]
        // Eight independent searches on every core: one after the other they were a third of
        // building a 200,000-zone network (perf). Each list is the same whatever the order.
        nonisolated(unsafe) var found = [Result<CandidateLists, any Error>?](repeating: nil, count: searches.count)
        DispatchQueue.concurrentPerform(iterations: searches.count) { index in
            let (sites, limit, kept) = searches[index]
            found[index] = Result {
                try CandidateLists.build(zones: zonePlaces, sites: sites, limit: limit, keep: kept)
            }
        }
        let lists = try found.map { try $0!.get() }
        // The searches' graphs were freed on worker threads, whose malloc arenas keep that memory
        // unless trimmed: 95 MB more at the peak of a 12-million-agent run (measured).
        FreedMemory.returnToSystem()
        (gpLists, specialistLists, hospitalLists, emergencyLists) = (lists[0], lists[1], lists[2], lists[3])
        (pharmacyLists, ehpadLists) = (lists[4], lists[5])
        let (ssiadNear, hadNear) = (lists[6], lists[7])
        (ssiadCover, hadCover) = (ZoneLists([]), ZoneLists([]))  // set by linkNetwork
        agreements = Array(repeating: [], count: hospital.count)
        linkNetwork(territory, ssiadNear: ssiadNear, hadNear: hadNear)
        estimateBeds(territory, parameters: p)
        ehpadZone = Self.zoneOfEachSite(ehpadLists, sites: ehpad.count)
        for role in [ssiad, had, ehpad] where role.count > 65_535 {
            throw SimulationError.unusableTerritory(
                "it has \(role.count) home-care services or nursing homes of one kind (at most 65,535)")
        }
        if sample < 1 {
            for role in [\CareNetwork.gp, \.specialist, \.hospital, \.emergency, \.ssiad, \.had, \.ehpad] {
                self[keyPath: role].capacity = self[keyPath: role].capacity.map { $0 * sample }
            }
            gpListCapacity = gpListCapacity.map { $0 * sample }
        }
    }

    /// Whole agents per band: the zone's band counts rounded, or its total split by default shares.
    private static func agents(_ population: Population, bands: [AgeBand], shares: BandValues) -> [Int] {
        if !population.bands.isEmpty {
            return bands.map { Int((population[$0] ?? 0).rounded()) }
        }
        // In key order: a dictionary's order changes from process to process (seeded hashing).
        let total = shares.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        guard total > 0 else { return bands.map { _ in 0 } }
        // Largest remainders, so that the bands add up to the rounded total.
        let exact = bands.map { population.total * (shares[$0.id] ?? 0) / total }
        var counts = exact.map { Int($0.rounded(.down)) }
        let missing = Int(population.total.rounded()) - counts.reduce(0, +)
        let order = exact.indices.sorted {
            (exact[$0] - exact[$0].rounded(.down), -$0) > (exact[$1] - exact[$1].rounded(.down), -$1)
        }
        for index in order.prefix(max(0, missing)) { counts[index] += 1 }
        return counts
    }

    private static func mspWithGPPartners(_ territory: Territory) -> Set<Int> {
        let index = Dictionary(territory.actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result = Set<Int>()
        for link in territory.links where link.kind == .partner {
            guard let a = index[link.from], let b = index[link.to] else { continue }
            let kinds = (territory.actors[a].kind, territory.actors[b].kind)
            if kinds == (.gp, .msp) { result.insert(b) }
            if kinds == (.msp, .gp) { result.insert(a) }
        }
        return result
    }

    /// Groups, GP–hospital ties, discharge agreements and home-care coverage from the links.
    private mutating func linkNetwork(_ territory: Territory, ssiadNear: CandidateLists, hadNear: CandidateLists) {
        let actors = territory.actors
        let actorIndex = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let zoneIndex = Dictionary(territory.zones.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let gpPosition = Dictionary(gp.actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let hospitalPosition = Dictionary(
            hospital.actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let ssiadPosition = Dictionary(ssiad.actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let hadPosition = Dictionary(had.actors.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // Each actor's groups: CPTS it is a member of, MSP/centre it is a partner of, itself.
        var groups = Array(repeating: Set<Int>(), count: actors.count)
        for index in actors.indices { groups[index].insert(index) }
        var gpHospitalSets = Array(repeating: Set<Int>(), count: gp.count)
        var cptsOf = Array(repeating: Set<Int>(), count: actors.count)
        var ssiadCover = Array(repeating: [Int32](), count: zoneCount)
        var hadCover = ssiadCover
        for link in territory.links {
            guard let from = actorIndex[link.from] else { continue }
            switch link.kind {
            case .memberOf:
                if let to = actorIndex[link.to] {
                    groups[from].insert(to)
                    cptsOf[from].insert(to)
                }
            case .partner:
                guard let to = actorIndex[link.to] else { continue }
                groups[from].insert(to)
                groups[to].insert(from)
                if let g = gpPosition[from], let h = hospitalPosition[to] { gpHospitalSets[g].insert(h) }
                if let g = gpPosition[to], let h = hospitalPosition[from] { gpHospitalSets[g].insert(h) }
            case .refersTo:
                if let g = gpPosition[from], let to = actorIndex[link.to], let h = hospitalPosition[to] {
                    gpHospitalSets[g].insert(h)
                }
            case .dischargesTo:
                if let h = hospitalPosition[from], let to = actorIndex[link.to] { agreements[h].insert(to) }
            case .covers:
                guard let zone = zoneIndex[link.to] else { continue }
                if let s = ssiadPosition[from] { ssiadCover[zone].append(Int32(s)) }
                if let s = hadPosition[from] { hadCover[zone].append(Int32(s)) }
            }
        }
        // GPs share the groups of their MSP too (a GP partner of an MSP that is a CPTS member).
        var hospitalsByCPTS = [Int: Set<Int>]()
        for (position, actor) in hospital.actors.enumerated() {
            for cpts in cptsOf[actor] { hospitalsByCPTS[cpts, default: []].insert(position) }
        }
        for (position, actor) in gp.actors.enumerated() {
            var mine = groups[actor]
            for group in groups[actor] where actors[group].kind == .msp || actors[group].kind == .healthCentre {
                mine.formUnion(cptsOf[group])
            }
            // A GP only groups with colleagues, not with the hospital it is a partner of.
            let ids = mine.filter { actors[$0].kind != .hospital }.sorted()
            gpGroups += ids.map { Int32($0) }
            gpGroupOffsets.append(Int32(gpGroups.count))
            var hospitals = gpHospitalSets[position]
            for cpts in mine where actors[cpts].kind == .cpts { hospitals.formUnion(hospitalsByCPTS[cpts] ?? []) }
            gpHospitals += hospitals.sorted().map { Int32($0) }
            gpHospitalOffsets.append(Int32(gpHospitals.count))
        }
        var gpsInGroup = [Int32: Int]()
        for group in gpGroups { gpsInGroup[group, default: 0] += 1 }
        gpHasColleague = (0..<gp.count).map { position in
            (Int(gpGroupOffsets[position])..<Int(gpGroupOffsets[position + 1])).contains {
                gpsInGroup[gpGroups[$0], default: 0] > 1
            }
        }
        for zone in 0..<zoneCount {
            ssiadCover[zone].sort()
            hadCover[zone].sort()
            if ssiadCover[zone].isEmpty { ssiadCover[zone] = ssiadNear.range(zone).map { ssiadNear.providers[$0] } }
            if hadCover[zone].isEmpty { hadCover[zone] = hadNear.range(zone).map { hadNear.providers[$0] } }
        }
        (self.ssiadCover, self.hadCover) = (ZoneLists(ssiadCover), ZoneLists(hadCover))
    }
}
