import Foundation
import GRDB
import MaillageCore
import MaillageTestSupport
import Testing

@testable import MaillageStore

@Suite struct TerritoryRoundTripTests {
    /// A small territory exercising every column: bands, a boundary, source coordinates,
    /// capacities (one estimated), services and every kind of link.
    static func handMadeTerritory() throws -> Territory {
        let bands = AgeBand.insee
        let ring = try [(1.40, 43.58), (1.48, 43.58), (1.48, 43.64), (1.40, 43.58)].map {
            try GeoPoint(longitude: $0.0, latitude: $0.1)
        }
        let toulouse = try Zone(
            id: "31555", name: "Toulouse", point: GeoPoint(longitude: 1.4442, latitude: 43.6047),
            boundary: Boundary(polygons: [[ring]]),
            population: Population(
                byBand: Dictionary(
                    uniqueKeysWithValues: zip(bands, [80_000.5, 120_000, 100_000, 90_000, 70_000, 39_999.5]))),
            densityClass: .dense, provenance: "INSEE RP 2020"
        )
        let muret = try Zone(
            id: "31395", name: "Muret", point: GeoPoint(longitude: 1.3275, latitude: 43.4614),
            population: Population(total: 25_000))
        let actors = try [
            Actor(
                id: "310781406", kind: .hospital, name: "CHU de Toulouse",
                point: GeoPoint(longitude: 1.4397, latitude: 43.6078),
                zoneID: "31555",
                capacities: [Capacity(.beds, 2_800), Capacity(.edVisitsPerDay, 300, isEstimated: true)],
                services: ["smur", "emergency"], sourceReference: "FINESS:310781406",
                sourcePosition: SourcePosition(x: 574_000, y: 6_280_000, crs: "EPSG:2154")),
            Actor(
                id: "gp1", kind: .gp, name: "Dr Martin <l'été>", point: GeoPoint(longitude: 1.33, latitude: 43.46),
                zoneID: "31395",
                capacities: [Capacity(.fte, 0.8), Capacity(.listSize, 1_000)]),
            Actor(
                id: "ssiad1", kind: .ssiad, name: "SSIAD Muret", point: GeoPoint(longitude: 1.32, latitude: 43.45),
                capacities: [Capacity(.places, 60, isEstimated: true)]),
            Actor(id: "cpts1", kind: .cpts, name: "CPTS Sud", point: GeoPoint(longitude: 1.32, latitude: 43.45)),
        ]
        let links = try [
            Link(from: "gp1", kind: .memberOf, to: "cpts1"),
            Link(from: "gp1", kind: .refersTo, to: "310781406", strength: 0.75),
            Link(from: "310781406", kind: .dischargesTo, to: "ssiad1", strength: 0.5),
            Link(from: "ssiad1", kind: .covers, to: "31395"),
            Link(from: "ssiad1", kind: .partner, to: "gp1", strength: 0.25),
        ]
        return try Territory(
            name: "Haute-Garonne (extrait)", sourceCRS: "EPSG:2154", zones: [muret, toulouse],
            actors: actors, links: links)
    }

    /// The territory as the store returns it: every list ordered by id.
    static func canonical(_ t: Territory) throws -> Territory {
        try Territory(
            name: t.name, sourceCRS: t.sourceCRS, ageBands: t.ageBands,
            zones: t.zones.sorted { $0.id < $1.id }, actors: t.actors.sorted { $0.id < $1.id },
            links: t.links.sorted { ($0.from, $0.kind.rawValue, $0.to) < ($1.from, $1.kind.rawValue, $1.to) }
        )
    }

    @Test func writtenTerritoryReadsBackEqualAfterReopening() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("round-trip.db")
        let territory = try Self.handMadeTerritory()
        do {
            let database = try TerritoryDatabase.create(at: path)
            try database.save(territory)
        }
        let reopened = try TerritoryDatabase.open(at: path)
        #expect(try reopened.loadTerritory() == Self.canonical(territory))
        #expect(try reopened.metadata(.sourceCRS) == "EPSG:2154")
    }

    /// Zones loaded with the same bands share one array of them: a 200,000-cell grid held a
    /// dictionary of its bands per cell (91 MB of its 600).
    @Test func zonesWithTheSameBandsShareTheirList() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("shared-bands.db")
        let base = try Self.handMadeTerritory()
        let towns = try (1...3).map { index in
            try Zone(
                id: "3100\(index)", name: "Town \(index)", point: GeoPoint(longitude: 1.3, latitude: 43.5),
                population: Population(
                    byBand: Dictionary(uniqueKeysWithValues: zip(AgeBand.insee, [1, 2, 3, 4, 5, Double(index)]))))
        }
        let territory = try Territory(
            name: base.name, sourceCRS: base.sourceCRS, ageBands: base.ageBands, zones: base.zones + towns,
            actors: base.actors, links: base.links)
        try TerritoryDatabase.create(at: path).save(territory)
        let zones = try TerritoryDatabase.open(at: path).loadTerritory().zones.filter { !$0.population.bands.isEmpty }
        #expect(zones.count == 4)
        let addresses = Set(
            zones.map { $0.population.bands.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        #expect(addresses.count == 1)
        #expect(zones.map { $0.population.counts.last } == [1, 2, 3, 39_999.5])
    }

    /// A hand-edited file holding a blob where text belongs is refused naming the zone and
    /// the column, where GRDB's conversion read whatever the bytes decoded to.
    @Test func aValueOfTheWrongStorageClassIsAnErrorNamingItsColumn() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("edited.db")
        do {
            let database = try TerritoryDatabase.create(at: path)
            try database.save(try Self.handMadeTerritory())
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE zone SET name = x'C3A9' WHERE id = (SELECT min(id) FROM zone)")
        }
        try queue.close()
        let database = try TerritoryDatabase.open(at: path)
        #expect {
            _ = try database.loadTerritory()
        } throws: { error in
            guard case StoreError.invalidContent(_, let detail) = error else { return false }
            return detail.contains("zone") && detail.contains("name") && detail.contains("a blob where text belongs")
        }
    }

    @Test func summaryCountsWhatWasStored() throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("summary.db"))
        try database.save(Self.handMadeTerritory())
        let summary = try database.summary()
        #expect(summary.zones == 2)
        #expect(summary.population == 525_000)
        #expect(summary.actors == 4)
        #expect(summary.actorsByKind == ["hospital": 1, "gp": 1, "ssiad": 1, "cpts": 1])
        #expect(summary.linksByKind["covers"] == 1)
        #expect(summary.boundingBox?.minLatitude == 43.45)
        #expect(summary.boundingBox?.maxLongitude == 1.4442)
        #expect(summary.schemaVersion == TerritoryMigrator.knownIdentifiers.count)
    }

    @Test func aFailedSaveLeavesTheDatabaseAsItWas() throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("atomic.db"))
        let territory = try Self.handMadeTerritory()
        try database.save(territory)
        let before = try database.loadTerritory()
        // Saving again collides on every id: the whole second save must roll back.
        #expect(throws: StoreError.self) { try database.save(territory) }
        #expect(try database.loadTerritory() == before)
    }
}

@Suite struct DatabaseLifecycleTests {
    @Test func newDatabaseHasEveryMigrationWALAndForeignKeys() throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("new.db"))
        #expect(try database.appliedMigrations() == TerritoryMigrator.knownIdentifiers)
        let (journal, foreignKeys) = try database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(try database.metadata(.maillageVersion) == MaillageVersion.current)
        #expect(try database.loadTerritory().zones.isEmpty)
    }

    @Test func createRefusesToClobberAnExistingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("existing.db")
        try TerritoryDatabase.create(at: path).save(TerritoryRoundTripTests.handMadeTerritory())
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            _ = try TerritoryDatabase.create(at: path)
        } throws: { error in
            if case .alreadyExists = error as? StoreError { return true }
            return false
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try TerritoryDatabase.open(at: path).summary().actors == 4)
    }

    @Test func openingSomethingElseIsRefusedWithoutTouchingIt() throws {
        let folder = try TemporaryFolder()
        let text = folder.path("notes.db")
        try "not a database at all, just some notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        #expect { _ = try TerritoryDatabase.open(at: text) } throws: { error in
            if case .notATerritoryDatabase = error as? StoreError { return true }
            return false
        }
        // Another application's SQLite file must not receive Maillage's tables.
        let foreign = folder.path("other.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { try $0.execute(sql: "CREATE TABLE patients(id INTEGER)") }
        #expect(throws: StoreError.self) { _ = try TerritoryDatabase.open(at: foreign) }
        let tables = try queue.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["patients"])
        #expect { _ = try TerritoryDatabase.open(at: folder.path("missing.db")) } throws: { error in
            if case .notFound = error as? StoreError { return true }
            return false
        }
        let missing = folder.path("missing.db")
        #expect((try? TerritoryDatabase.open(at: missing)) == nil)
        do {
            _ = try TerritoryDatabase.open(at: missing)
        } catch let error as StoreError {
            #expect(error.remedy == .createDatabase(path: missing))
        }
    }

    @Test func aNewerSchemaIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("future.db")
        let database = try TerritoryDatabase.create(at: path)
        try database.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('99-from-the-future')") }
        #expect { _ = try TerritoryDatabase.open(at: path) } throws: { error in
            if case .newerSchema(_, let unknown) = error as? StoreError { return unknown == ["99-from-the-future"] }
            return false
        }
    }

    @Test func schemaRejectsOutOfRangeRowsWrittenBehindTheDomain() throws {
        let folder = try TemporaryFolder()
        let database = try TerritoryDatabase.create(at: folder.path("checks.db"))
        #expect(throws: StoreError.self) {
            try database.write {
                try $0.execute(sql: "INSERT INTO zone(id, name, lon, lat, population) VALUES ('z', 'z', 1, 95, 10)")
            }
        }
        #expect(throws: StoreError.self) {
            try database.write {
                try $0.execute(
                    sql:
                        "INSERT INTO actor(id, kind, name, lon, lat, zone_id) VALUES ('a', 'gp', 'a', 1, 43, 'nowhere')"
                )
            }
        }
    }
}
