import Foundation
import GRDB
import MaillageCore
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageGenerator

@Suite struct TerritoryGeneratorTests {
    static let options = try! GeneratorOptions(zones: 300, population: 400_000, seed: 42)

    /// Every territory table of a database file as text, ordered, to compare contents byte for byte.
    /// The metadata table (creation time, version) is provenance and left out by design.
    static func contentDump(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                    AND name NOT IN ('metadata', 'grdb_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """)
            var dump = ""
            for table in tables {
                dump += "## \(table)\n"
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                    row.databaseValues.map { "\($0)" }.joined(separator: "|")
                }
                dump += rows.sorted().joined(separator: "\n") + "\n"
            }
            return dump
        }
    }

    static func generateFile(_ options: GeneratorOptions, in folder: TemporaryFolder, name: String) throws -> String {
        let path = folder.path(name)
        try TerritoryDatabase.create(at: path).save(TerritoryGenerator.generate(options))
        return path
    }

    @Test func sameSeedGivesByteIdenticalContent() throws {
        let folder = try TemporaryFolder()
        let first = try Self.contentDump(Self.generateFile(Self.options, in: folder, name: "a.db"))
        let second = try Self.contentDump(Self.generateFile(Self.options, in: folder, name: "b.db"))
        #expect(first.count > 10_000)
        #expect(first == second)
    }

    @Test func differentSeedsDiffer() throws {
        var other = Self.options
        other.seed = 43
        let a = try TerritoryGenerator.generate(Self.options)
        let b = try TerritoryGenerator.generate(other)
        #expect(a.zones.map(\.point) != b.zones.map(\.point))
        #expect(a.actors.map(\.point) != b.actors.map(\.point))
    }

    @Test func totalsAddUp() throws {
        let territory = try TerritoryGenerator.generate(Self.options)
        #expect(territory.zones.count == 300)
        #expect(territory.population == 400_000)
        for zone in territory.zones {
            #expect(zone.population.byBand.values.reduce(0, +) == zone.population.total)
            #expect(zone.population.byBand.count == 6)
        }
    }

    /// The territory is a square of side sqrt(zones × 16 km²) around the centre; convert it
    /// to degrees independently (1° of latitude ≈ 111.32 km) and check every position is inside.
    @Test func everyActorAndZoneLiesInsideTheTerritorysBox() throws {
        let territory = try TerritoryGenerator.generate(Self.options)
        let halfSideKm = (300.0 * 16).squareRoot() / 2
        let centre = Self.options.centre
        let halfLat = halfSideKm / 111.32 + 1e-9
        let halfLon = halfSideKm / (111.32 * cos(centre.latitude * .pi / 180)) + 1e-9
        let points = territory.zones.map(\.point) + territory.actors.map(\.point)
        for point in points {
            #expect(abs(point.latitude - centre.latitude) <= halfLat)
            #expect(abs(point.longitude - centre.longitude) <= halfLon)
        }
    }

    @Test func linksPointWhereTheirKindSays() throws {
        let folder = try TemporaryFolder()
        let queue = try DatabaseQueue(path: Self.generateFile(Self.options, in: folder, name: "links.db"))
        try queue.read { db in
            let badMembers = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM link l LEFT JOIN actor t ON t.id = l.to_actor_id
                    WHERE l.kind = 'member_of' AND (t.kind IS NULL OR t.kind <> 'cpts')
                    """)
            #expect(badMembers == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM link WHERE kind = 'member_of'")! > 0)
            let badCovers = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM link l JOIN actor a ON a.id = l.from_actor_id
                    WHERE l.kind = 'covers' AND (l.to_zone_id IS NULL OR a.kind NOT IN ('ssiad', 'had', 'cpts'))
                    """)
            #expect(badCovers == 0)
            // Each zone is covered by exactly one SSIAD (intervention areas partition the territory).
            let ssiadCover = try Int.fetchAll(
                db,
                sql: """
                    SELECT count(l.id) FROM zone z LEFT JOIN link l ON l.to_zone_id = z.id AND l.kind = 'covers'
                    AND l.from_actor_id IN (SELECT id FROM actor WHERE kind = 'ssiad') GROUP BY z.id
                    """)
            #expect(Set(ssiadCover) == [1])
        }
    }

    @Test func supplyHasPlausibleOrdersOfMagnitude() throws {
        let territory = try TerritoryGenerator.generate(Self.options)
        let counts = territory.actorCounts
        // About one GP practice per 1,250 inhabitants, fewer in the country: 400,000 → ~260-350.
        #expect((220...380).contains(counts[.gp] ?? 0), "\(counts[.gp] ?? 0) GPs")
        #expect((5...10).contains(counts[.hospital] ?? 0))
        let emergency = territory.actors.filter { $0.offers("emergency") }
        #expect(!emergency.isEmpty)
        #expect(emergency.allSatisfy { $0.kind == .hospital && $0.capacity(.edVisitsPerDay) != nil })
        #expect((3...6).contains(counts[.cpts] ?? 0), "\(counts[.cpts] ?? 0) CPTS for 400,000 people")
        for kind in [ActorKind.ssiad, .had, .pharmacy, .ehpad, .msp] {
            #expect((counts[kind] ?? 0) > 0, "no \(kind)")
        }
        // Rural gaps: some zones have no GP.
        let zonesWithGP = Set(territory.actors.filter { $0.kind == .gp }.compactMap(\.zoneID))
        #expect(zonesWithGP.count < territory.zones.count)
    }

    @Test func populationFollowsARankSizeLawAndAgesInTheCountry() throws {
        let territory = try TerritoryGenerator.generate(Self.options)
        let sizes = territory.zones.map(\.population.total).sorted(by: >)
        // Zipf with exponent 0.95: the largest town is 2^0.95 ≈ 1.93 times the second.
        #expect(abs(sizes[0] / sizes[1] - pow(2, 0.95)) < 0.01)
        #expect(sizes[0] > 20 * sizes[sizes.count / 2])
        func over75Share(_ classes: Set<DensityClass>) -> Double {
            let zones = territory.zones.filter { classes.contains($0.densityClass!) }
            let old = zones.reduce(0) { $0 + ($1.population[AgeBand.insee[5]] ?? 0) }
            return old / zones.reduce(0) { $0 + $1.population.total }
        }
        #expect(over75Share([.verySparse]) > over75Share([.dense, .intermediate]) + 0.02)
    }

    @Test func smallestTerritoriesStillWork() throws {
        let tiny = try TerritoryGenerator.generate(GeneratorOptions(zones: 1, population: 0, seed: 1))
        #expect(tiny.zones.count == 1)
        #expect(tiny.actorCounts[.hospital] == 1)
        #expect(throws: ValidationError.self) { try GeneratorOptions(zones: 0, population: 10, seed: 1) }
    }
}
