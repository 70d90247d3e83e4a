import Foundation
import MaillageCore

/// Makes a plausible synthetic care-network territory, identical for identical options.
///
/// Towns cluster around a few centres with rank-size populations; the population ages in
/// rural zones; hospitals (some with an emergency department) stand in the larger towns;
/// GPs follow population with rural gaps, some grouped in MSPs; SSIADs and HADs cover
/// groups of zones; CPTS gather members; GPs refer to hospitals and hospitals discharge to
/// home care. A national-size territory (35,000 zones, 68 million people) takes seconds.
///
/// ```swift
/// let options = try GeneratorOptions(zones: 120, population: 150_000, seed: 42)
/// let territory = try TerritoryGenerator.generate(options)
/// ```
public enum TerritoryGenerator {
    /// Generates the territory the options describe; the same options always give the same territory.
    ///
    /// - Throws: `ValidationError` when the drawn values break a domain rule (not expected for valid options).
    public static func generate(_ options: GeneratorOptions) throws -> Territory {
        let settlement = SettlementPattern(options: options)
        let frame = PlanarFrame(centre: options.centre)
        var nameRNG = SplitMix64(seed: options.seed, stream: 2)
        var ageRNG = SplitMix64(seed: options.seed, stream: 3)
        var names = PlaceNames()
        let townNames = settlement.towns.map { _ in names.place(using: &nameRNG) }
        let bands = settlement.towns.map { AgeStructure.split($0.population, density: $0.density, using: &ageRNG) }
        let over75Band = AgeBand.insee.last!
        let zones = try settlement.towns.enumerated().map { index, town in
            try Zone(
                id: zoneID(index), name: townNames[index], point: frame.geoPoint(town.point),
                population: Population(total: Double(town.population), byBand: bands[index]),
                densityClass: town.density, provenance: "synthetic (maillage generate, seed \(options.seed))"
            )
        }

        var builder = NetworkBuilder(
            options: options, towns: settlement.towns, townNames: townNames,
            over75: bands.map { $0[over75Band] ?? 0 }
        )
        try builder.placeHospitals()
        try builder.placePrimaryCare()
        try builder.groupPracticesIntoMSP()
        try builder.placeHomeCare()
        builder.placeCPTS()
        builder.linkCityAndHospital()
        let (actors, ids) = try finishActors(builder.actors, frame: frame)
        let links = try builder.links.map { draft in
            try Link(
                from: ids[draft.from], kind: draft.kind,
                to: draft.kind.targetsZone ? zoneID(draft.to) : ids[draft.to], strength: draft.strength)
        }
        return try Territory(name: options.name, zones: zones, actors: actors, links: links)
    }

    static func zoneID(_ index: Int) -> String { "Z" + padded(index + 1, 5) }

    /// Gives every draft an id (`gp-000042`), numbering each kind in the order it was placed,
    /// and orders actors by kind.
    private static func finishActors(_ drafts: [ActorDraft], frame: PlanarFrame) throws -> ([Actor], [String]) {
        var ids = Array(repeating: "", count: drafts.count)
        var counters = [ActorKind: Int]()
        for (index, draft) in drafts.enumerated() {
            counters[draft.kind, default: 0] += 1
            ids[index] = "\(draft.kind.rawValue)-\(padded(counters[draft.kind]!, 6))"
        }
        let order = drafts.indices.sorted {
            let a = ActorKind.allCases.firstIndex(of: drafts[$0].kind)!
            let b = ActorKind.allCases.firstIndex(of: drafts[$1].kind)!
            return a != b ? a < b : $0 < $1
        }
        let actors = try order.map { index in
            let draft = drafts[index]
            return try Actor(
                id: ids[index], kind: draft.kind, name: draft.name, point: frame.geoPoint(draft.point),
                zoneID: zoneID(draft.zone), capacities: draft.capacities, services: draft.services,
                sourceReference: "synthetic"
            )
        }
        return (actors, ids)
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
