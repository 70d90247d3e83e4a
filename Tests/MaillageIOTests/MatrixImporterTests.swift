import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct MatrixImporterTests {
    let folder = try! TemporaryFolder()

    func write(_ text: String) throws -> String {
        let path = folder.path("matrix-\(UUID()).csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Zones Z1, Z2, Z3, an actor h1, and an id X naming both a zone and an actor.
    func territory() throws -> TerritoryDatabase {
        let database = try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db"))
        let point = try GeoPoint(longitude: 1.5, latitude: 45.3)
        try database.save(
            Territory(
                name: "t",
                zones: ["Z1", "Z2", "Z3", "X"].map { try Zone(id: $0, name: $0, point: point) },
                actors: [
                    Actor(id: "h1", kind: .hospital, name: "H", point: point),
                    Actor(id: "X", kind: .gp, name: "G", point: point),
                ]
            ))
        return database
    }

    func importer(_ configure: (inout MatrixImporter) -> Void = { _ in }) -> MatrixImporter {
        var importer = MatrixImporter()
        importer.name = "m"
        configure(&importer)
        return importer
    }

    static let sample = "origin_id,destination_id,minutes,km\nZ1,Z2,10,8\nZ2,Z1,12,\nZ1,h1,20,15\n"

    @Test func undirectedByDefault() throws {
        let database = try territory()
        let report = try importer().run(file: try write(Self.sample), into: database)
        #expect(report.rowsRead == 3 && report.inserted == 3 && report.skippedCount == 0)
        let matrix = try #require(try database.travelMatrix(named: "m"))
        #expect(!matrix.definition.isDirected)
        #expect(matrix.minutes(from: .zone("Z1"), to: .zone("Z2")) == 10)
        #expect(matrix.minutes(from: .zone("Z2"), to: .zone("Z1")) == 12)  // given: wins over the reverse
        #expect(matrix.time(from: .zone("Z1"), to: .zone("Z2"))?.km == 8)
        #expect(matrix.minutes(from: .actor("h1"), to: .zone("Z1")) == 20)  // the reverse of Z1 → h1
        #expect(matrix.minutes(from: .zone("Z1"), to: .zone("Z3")) == nil)
        #expect(matrix.minutes(from: .zone("Z3"), to: .zone("Z3")) == 0)  // intra-zone default
    }

    @Test func directedServesOnlyEachRowsDirection() throws {
        let database = try territory()
        _ = try importer {
            $0.isDirected = true
            $0.intrazoneMinutes = 5
        }.run(file: try write(Self.sample), into: database)
        let matrix = try #require(try database.travelMatrix(named: "m"))
        #expect(matrix.definition.isDirected && matrix.definition.intrazoneMinutes == 5)
        #expect(matrix.minutes(from: .zone("Z1"), to: .actor("h1")) == 20)
        #expect(matrix.minutes(from: .actor("h1"), to: .zone("Z1")) == nil)
        #expect(matrix.minutes(from: .zone("Z2"), to: .zone("Z2")) == 5)
    }

    @Test func unitsAndColumnsAreConverted() throws {
        let database = try territory()
        let file = try write("from;to;duration;distance\nZ1;Z2;90;1500\nZ2;Z3;3600,5;\n")
        _ = try importer {
            $0.originColumn = "from"
            $0.destinationColumn = "to"
            $0.timeColumn = "duration"
            $0.timeUnit = .seconds
            $0.distanceColumn = "distance"
            $0.distanceUnit = .metres
        }.run(file: file, into: database)
        let matrix = try #require(try database.travelMatrix(named: "m"))
        #expect(matrix.time(from: .zone("Z1"), to: .zone("Z2")) == TravelTime(minutes: 1.5, km: 1.5))  // 90 s, 1500 m
        #expect(matrix.time(from: .zone("Z2"), to: .zone("Z3")) == TravelTime(minutes: 3600.5 / 60, km: nil))
        let hours = try write("origin_id,destination_id,minutes\nZ1,Z2,0.5\n")
        _ = try importer {
            $0.name = "h"
            $0.timeUnit = .hours
        }.run(file: hours, into: database)
        #expect(try database.travelMatrix(named: "h")?.minutes(from: .zone("Z1"), to: .zone("Z2")) == 30)
    }

    @Test func idsMatchingNothingAreSkippedCountedAndNamed() throws {
        let database = try territory()
        let file = try write("origin_id,destination_id,minutes\nZ1,Z2,1\nQ1,Z2,2\nQ1,Z3,3\nZ1,Q2,4\nZ1,Z3,\n")
        let report = try importer().run(file: file, into: database)
        #expect(report.rowsRead == 5 && report.inserted == 1)
        #expect(report.skipped["origin matches no zone or actor of the territory"] == 2)
        #expect(report.skipped["destination matches no zone or actor of the territory"] == 1)
        #expect(report.skipped["no time (the pair stays unreachable)"] == 1)
        #expect(
            report.skippedExamples["origin matches no zone or actor of the territory"] == ["line 3: Q1", "line 4: Q1"])
        #expect(report.warnings.contains { $0.hasPrefix("2 distinct ids match nothing") && $0.contains("Q1, Q2") })
    }

    @Test func anIdNamingAZoneAndAnActorNeedsToBeTold() throws {
        let database = try territory()
        let file = try write("origin_id,destination_id,minutes\nZ1,Z2,1\nX,Z2,2\n")
        #expect { try importer().run(file: file, into: database) } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == 3 && error.field == "origin_id" && error.value == "X"
                && error.hint?.setting == "origins"
        }
        #expect(try database.travelMatrix(named: "m") == nil)  // nothing written
        _ = try importer { $0.origins = .actor }.run(file: file, into: database)
        let matrix = try #require(try database.travelMatrix(named: "m"))
        #expect(matrix.minutes(from: .actor("X"), to: .zone("Z2")) == 2)
        #expect(matrix.minutes(from: .zone("X"), to: .zone("Z2")) == nil)
        // --origins zones: an actor-only id is not a zone, so its row is skipped (and, the file
        // giving no pair, storing the empty matrix takes allowEmpty).
        let report = try importer {
            $0.origins = .zone
            $0.allowEmpty = true
        }.run(file: try write("origin_id,destination_id,minutes\nh1,Z2,2\n"), into: database)
        #expect(report.skipped["origin matches no zone of the territory"] == 1)
    }

    /// Each bad file fails naming its line and column, and leaves the previous matrix as it was.
    @Test(
        arguments: [
            ("origin_id,destination_id,minutes\nZ1,Z2,1\nZ1,Z3,abc\n", 3, "minutes"),
            ("origin_id,destination_id,minutes\nZ1,Z2,-4\n", 2, "minutes"),
            ("origin_id,destination_id,minutes,km\nZ1,Z2,4,far\n", 2, "km"),
            ("origin_id,destination_id,minutes\nZ1,Z2,1\nZ1,Z2,2\n", 3, "origin_id, destination_id"),
            ("origin_id,destination_id,minutes\n,Z2,1\n", 2, "origin_id"),
            ("origin_id,destination_id,time\nZ1,Z2,1\n", 1, "minutes"),
            ("origin_id,destination_id,minutes\nZ1,Z2,1\nZ2\n", 3, nil),
        ] as [(String, Int, String?)])
    func badRowsAreErrorsAndChangeNothing(text: String, line: Int, field: String?) throws {
        let database = try territory()
        _ = try importer().run(file: try write(Self.sample), into: database)
        #expect { try importer().run(file: try write(text), into: database) } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == line && error.field == field
        }
        #expect(try database.travelMatrix(named: "m")?.storedPairCount == 3)
    }

    @Test func reimportingTheSameNameReplacesTheMatrix() throws {
        let database = try territory()
        _ = try importer().run(file: try write(Self.sample), into: database)
        let report = try importer { $0.isDirected = true }.run(
            file: try write("origin_id,destination_id,minutes\nZ3,Z1,6\n"), into: database)
        #expect(report.warnings.contains("replaced the 3 pairs of the previous matrix 'm'"))
        let matrix = try #require(try database.travelMatrix(named: "m"))
        #expect(matrix.storedPairCount == 1 && matrix.definition.isDirected)
        #expect(try database.summary().travelTimes == 1)
        // Another name is another matrix.
        _ = try importer { $0.name = "other" }.run(file: try write(Self.sample), into: database)
        #expect(try database.travelMatrices().map(\.name) == ["m", "other"])
    }

    @Test func theNameDefaultsToTheFileName() throws {
        let database = try territory()
        let path = folder.path("road times.csv")
        try Data(Self.sample.utf8).write(to: URL(fileURLWithPath: path))
        _ = try MatrixImporter().run(file: path, into: database)
        #expect(try database.travelMatrices().map(\.name) == ["road times"])
    }

    /// The real OSRM table of Corrèze (135 origins × 314 destinations, one direction only).
    ///
    /// Zones are made from the file's origins (it gives their lat/lon). Expected figures come
    /// from the raw file with awk:
    /// - rows: `tail -n +2 osrm_correze_partial.csv | wc -l` → 33231
    /// - pairs whose destination is also an origin:
    ///   `awk -F, 'NR>1 {o[$1]=1; a[NR]=$1; b[NR]=$2} END {for (i in a) if (b[i] in o) n++; print n}' osrm_correze_partial.csv` → 9045
    ///   (= 135 × 134 / 2: the file gives each pair of origins in one direction)
    /// - distinct destinations that are not origins:
    ///   `awk -F, 'NR>1 {o[$1]=1; d[$2]=1} END {for (k in d) if (!(k in o)) n++; print n}' osrm_correze_partial.csv` → 180
    /// - values: `grep -n '^190010000,190020000\|^190010000,191180000\|^191180000,190740000' osrm_correze_partial.csv`
    ///   → 4356.6 s & 82487.2 m; 709.4 s; 1909.7 s & 29791.2 m.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func osrmCorrezeReadsWithSecondsAndMetres() throws {
        let path = try SharedData.path("travel-times/osrm_correze_partial.csv")
        let database = try TerritoryDatabase.create(at: folder.path("correze.db"))
        var origins: [String: Zone] = [:]
        try DelimitedFile(path: path).forEachRecord { record in
            let id = try record.required("origin_id")
            if origins[id] == nil {
                origins[id] = try Zone(
                    id: id, name: record.required("origin_city"),
                    point: GeoPoint(
                        longitude: record.requiredDouble("longitude"), latitude: record.requiredDouble("latitude")))
            }
        }
        #expect(origins.count == 135)
        try database.save(Territory(name: "Corrèze", zones: origins.values.sorted { $0.id < $1.id }))

        var importer = MatrixImporter()
        importer.timeColumn = "duration"
        importer.timeUnit = .seconds
        importer.distanceColumn = "distance"
        importer.distanceUnit = .metres
        let report = try importer.run(file: path, into: database)
        #expect(report.rowsRead == 33231)
        #expect(report.inserted == 9045)
        #expect(report.skippedCount == 33231 - 9045)
        #expect(report.warnings.contains { $0.hasPrefix("180 distinct ids") })

        let matrix = try #require(try database.travelMatrix(named: "osrm_correze_partial"))
        #expect(matrix.storedPairCount == 9045)
        let aixFromAffieux = try #require(matrix.time(from: .zone("190010000"), to: .zone("190020000")))
        #expect(abs(aixFromAffieux.minutes - 4356.6 / 60) < 1e-9)
        #expect(abs((aixFromAffieux.km ?? 0) - 82.4872) < 1e-9)
        // reverse of line 133
        #expect(abs((matrix.minutes(from: .zone("191180000"), to: .zone("190010000")) ?? 0) - 709.4 / 60) < 1e-9)
        #expect(abs((matrix.time(from: .zone("191180000"), to: .zone("190740000"))?.km ?? 0) - 29.7912) < 1e-9)
        #expect(matrix.minutes(from: .zone("190740000"), to: .zone("190740000")) == 0)
    }
}
