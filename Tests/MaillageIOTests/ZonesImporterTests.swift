import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageGeo
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

@Suite struct ZonesImporterTests {
    let folder = try! TemporaryFolder()

    func write(_ name: String, _ text: String) throws -> String {
        try folder.write(name, text)
    }

    func emptyDatabase() throws -> TerritoryDatabase { try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db")) }

    static let attributesColumns = ZoneColumns(
        id: "code_insee", name: "nom", population: "population_2021", density: "dens4_code")

    // MARK: real files

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func communesAttributesImportWithTheFilesTotalPopulation() throws {
        let file = try SharedData.path("communes/communes_occitanie5_attributes.csv")
        let database = try emptyDatabase()
        let report = try ZonesImporter(columns: Self.attributesColumns).run(file: file, into: database)
        // 2,001 rows; one (09255 Saint-Amans, line 248) has neither lat/lon nor population:
        //   awk -F, 'NR>1 && $14!="" && $15!=""' communes_occitanie5_attributes.csv | wc -l   → 2000
        #expect(report.rowsRead == 2001)
        #expect(report.inserted == 2000)
        #expect(report.skipped == ["no position (lat/lon empty) and no stored zone with this id": 1])
        // awk -F, 'NR>1{s+=$4} END{printf "%.0f\n", s}' communes_occitanie5_attributes.csv   → 2349914
        let summary = try database.summary()
        #expect(summary.zones == 2000)
        #expect(summary.population == 2_349_914)
        let territory = try database.loadTerritory()
        let aigues = try #require(territory.zones.first { $0.id == "09001" })  // the leading zero is kept
        #expect(aigues.name == "Aigues-Juntes")
        #expect(aigues.population.total == 58)
        #expect(aigues.densityClass == .verySparse)
        #expect(aigues.point == (try GeoPoint(longitude: 1.4755, latitude: 43.0472)))

        // Importing again updates in place.
        let again = try ZonesImporter(columns: Self.attributesColumns).run(file: file, into: database)
        #expect(again.inserted == 0 && again.updated == 2000)
        #expect(try database.summary().zones == 2000)
    }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func ariegeBoundariesImportEveryFeatureWithCentroids() throws {
        let file = try SharedData.path("communes/boundaries/communes-09-ariege.geojson")
        let database = try emptyDatabase()
        let report = try ZonesImporter(columns: ZoneColumns(id: "code", name: "nom")).run(file: file, into: database)
        // python3 -c "import json; print(len(json.load(open('communes-09-ariege.geojson'))['features']))"   → 331
        #expect(report.rowsRead == 331 && report.inserted == 331)
        let territory = try database.loadTerritory()
        #expect(territory.zones.count == 331)
        #expect(territory.zones.allSatisfy { $0.boundary != nil })
        let foix = try #require(territory.zones.first { $0.id == "09122" })
        #expect(foix.name == "Foix")
        // grep '^09122,' communes_occitanie5_attributes.csv → lat 42.9634, lon 1.6116 (town point);
        // grep '^09122,' communes_occitanie5_pop_coords.csv → polygon centroid 42.965456, 1.610249
        // (computed when the dataset was derived, from the same 2019 boundaries).
        let townPoint = try GeoPoint(longitude: 1.6116, latitude: 42.9634)
        let datasetCentroid = try GeoPoint(longitude: 1.610249, latitude: 42.965456)
        #expect(Geodesic.wgs84.distance(from: foix.point, to: townPoint) < 2_000)
        #expect(Geodesic.wgs84.distance(from: foix.point, to: datasetCentroid) < 50)
    }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func boundariesAfterTheCSVKeepPopulationsAndCompleteTheMissingCommune() throws {
        let database = try emptyDatabase()
        _ = try ZonesImporter(columns: Self.attributesColumns)
            .run(file: SharedData.path("communes/communes_occitanie5_attributes.csv"), into: database)
        let report = try ZonesImporter(columns: ZoneColumns(id: "code", name: "nom"))
            .run(file: SharedData.path("communes/boundaries/communes-09-ariege.geojson"), into: database)
        // python3: Ariège codes in the boundaries but not in the attributes file: 09028 09135 09286 09302
        // (merged before 2021), plus 09255 whose attributes row has no position → 5 new zones.
        #expect(report.inserted == 5 && report.updated == 326)
        let territory = try database.loadTerritory()
        let foix = try #require(territory.zones.first { $0.id == "09122" })
        #expect(foix.population.total == 9472)  // from the CSV, kept: the GeoJSON has no population
        #expect(foix.densityClass == .intermediate)
        #expect(foix.boundary != nil)
        #expect(foix.provenance?.contains("population: communes_occitanie5_attributes.csv (population_2021)") == true)
        #expect(territory.population == 2_349_914)
    }

    // MARK: hand-written files

    @Test func agreedCSVColumnsWithBandsAndProjectedCoordinates() throws {
        let file = try write(
            "z.csv",
            """
            id,name,x,y,population,density_class,population.0-14,population.15-29,population.30-44,population.45-59,population.60-74,population.75+
            31555,Toulouse,574000,6280000,100,1,10,20,30,20,15,5
            09001,Aigues-Juntes,574100,6280100,,4,,,,,,

            """)
        let database = try emptyDatabase()
        let report = try ZonesImporter(crs: "EPSG:2154").run(file: file, into: database)
        #expect(report.inserted == 2)
        let territory = try database.loadTerritory()
        let toulouse = try #require(territory.zones.first { $0.id == "31555" })
        #expect(abs(toulouse.point.longitude - 1.4396829934835345) < 1e-7)  // pyproj, as in the Geo tests
        #expect(toulouse.population[try AgeBand(id: "75+")] == 5)
        #expect(toulouse.population.total == 100)
        let small = try #require(territory.zones.first { $0.id == "09001" })
        #expect(small.population == .zero && small.densityClass == .verySparse)
    }

    @Test func inseeCensusColumnsOfTheLatestYearAreRead() throws {
        // An INSEE file carries overlapping bands (P20_POP0019, P20_POP65P) and older years.
        let file = try write(
            "insee.csv",
            """
            CODGEO,LIBGEO,lat,lon,P20_POP,P20_POP0014,P20_POP1529,P20_POP3044,P20_POP4559,P20_POP6074,P20_POP75P,P20_POP0019,P20_POP65P,P14_POP,P14_POP0014,P14_POP1529,P14_POP3044,P14_POP4559,P14_POP6074,P14_POP75P
            09001,Aigues-Juntes,43.0472,1.4755,60,6,7,8,12,15,12,10,20,70,1,1,1,1,1,65

            """)
        let database = try emptyDatabase()
        _ = try ZonesImporter().run(file: file, into: database)
        let zone = try #require(try database.loadTerritory().zones.first)
        #expect(zone.id == "09001" && zone.name == "Aigues-Juntes")
        #expect(zone.population.total == 60)
        #expect(zone.population[try AgeBand(id: "0-14")] == 6)
        #expect(zone.population[try AgeBand(id: "75+")] == 12)
    }

    /// An L-shaped polygon (a 2×2 square of 0.01° cells without its south-west cell) has its
    /// area centroid at 7/6 of a cell from the corner on both axes: (4·(1,1) − 1·(½,½)) / 3.
    /// Near 43°N the equal-area projection is close to affine over 2 km, and affine maps keep
    /// centroids, so the same holds in degrees to well under a metre.
    @Test func centroidOfAPolygonWithAHoleIsAreaWeighted() throws {
        let cell = 0.01
        func p(_ x: Double, _ y: Double) throws -> GeoPoint {
            try GeoPoint(longitude: 1 + x * cell, latitude: 43 + y * cell)
        }
        let outer = try [p(0, 0), p(2, 0), p(2, 2), p(0, 2), p(0, 0)]
        let hole = try [p(0, 0), p(0, 1), p(1, 1), p(1, 0), p(0, 0)]
        let centroid = try PolygonCentroid().centroid(of: Boundary(polygons: [[outer, hole]]))
        #expect(abs(centroid.longitude - (1 + 7.0 / 6 * cell)) < 2e-6)
        #expect(abs(centroid.latitude - (43 + 7.0 / 6 * cell)) < 2e-6)
        // The shoelace moments on the plane, by hand: a unit square has area 1 and centroid (½, ½).
        let square = PolygonCentroid.ringMoments(xs: [0, 1, 1, 0, 0], ys: [0, 0, 1, 1, 0])
        #expect(square.area == 1 && square.momentX == 0.5 && square.momentY == 0.5)
    }

    static let square =
        #"{"type":"Polygon","coordinates":[[[1.0,43.0],[1.02,43.0],[1.02,43.02],[1.0,43.02],[1.0,43.0]]]}"#

    @Test func geoJSONWithoutPopulationUpdatesGeometryOnly() throws {
        let database = try emptyDatabase()
        let csv = try write("z.csv", "id,name,lat,lon,population,density_class\nZ1,Old name,43.5,1.5,1234,3\n")
        _ = try ZonesImporter().run(file: csv, into: database)
        let geojson = try write(
            "z.geojson",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1","name":"New name"},"geometry":\(Self.square)}]}
            """)
        let report = try ZonesImporter().run(file: geojson, into: database)
        #expect(report.updated == 1)
        let zone = try #require(try database.loadTerritory().zones.first)
        #expect(zone.population.total == 1234 && zone.densityClass == .sparse)
        #expect(zone.name == "New name")
        #expect(abs(zone.point.longitude - 1.01) < 1e-4 && abs(zone.point.latitude - 43.01) < 1e-4)
        #expect(zone.boundary?.polygons.count == 1)
    }

    @Test func codeMapMergesCommunesAndTheirPopulations() throws {
        let csv = try write(
            "z.csv",
            """
            id,name,lat,lon,population,population.0-14,population.15-29,population.30-44,population.45-59,population.60-74,population.75+
            A1,Absorbing,43.5,1.5,100,10,20,30,20,15,5
            B2,Absorbed,43.6,1.6,50,5,5,10,10,10,10
            C3,Other,43.7,1.7,10,1,1,2,2,2,2

            """)
        let map = try write("map.csv", "old_code,new_code\nB2,A1\nX9,A1\n")
        let database = try emptyDatabase()
        let report = try ZonesImporter(codeMap: CodeMap(path: map)).run(file: csv, into: database)
        #expect(report.rowsRead == 3 && report.inserted == 2)
        #expect(report.warnings.contains { $0.contains("X9") })  // a map entry that matched nothing
        let zones = try database.loadTerritory().zones
        let merged = try #require(zones.first { $0.id == "A1" })
        #expect(merged.name == "Absorbing" && merged.point.latitude == 43.5)
        #expect(merged.population.total == 150)
        #expect(merged.population[try AgeBand(id: "75+")] == 15)
        #expect(merged.provenance?.contains("merged codes: A1 B2") == true)
    }

    // MARK: bad input

    static let before = try! Territory(
        name: "before",
        zones: [
            Zone(
                id: "keep", name: "Kept", point: GeoPoint(longitude: 1, latitude: 43), population: Population(total: 7))
        ])

    /// Each bad file fails with an ImportError naming the feature (and property) and leaves
    /// the database as it was.
    @Test(
        arguments: [
            ("invalid-json", #"{"type":"FeatureCollection","features":[}"#, nil as String?),
            ("not-a-collection", #"{"type":"Feature","properties":{"id":"Z1"},"geometry":\#(square)}"#, "type"),
            (
                "line-geometry",
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1"},"geometry":\#(square)},{"type":"Feature","properties":{"id":"Z2"},"geometry":{"type":"LineString","coordinates":[[1,43],[2,44]]}}]}"#,
                "features[1].geometry.type"
            ),
            (
                "open-ring",
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1"},"geometry":{"type":"Polygon","coordinates":[[[1,43],[1.1,43],[1.1,43.1],[1,43.1]]]}}]}"#,
                "features[0].geometry.polygon[0].ring[0]"
            ),
            (
                "missing-id",
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1"},"geometry":\#(square)},{"type":"Feature","properties":{"name":"No id"},"geometry":\#(square)}]}"#,
                "features[1].properties.id"
            ),
            (
                "bad-population",
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1","population":"many"},"geometry":\#(square)}]}"#,
                "features[0].properties.population"
            ),
        ] as [(String, String, String?)])
    func badGeoJSONIsRefusedAndChangesNothing(name: String, text: String, field: String?) throws {
        let database = try emptyDatabase()
        try database.save(Self.before)
        let file = try write("\(name).geojson", text)
        #expect {
            _ = try ZonesImporter().run(file: file, into: database)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file == file && error.field == field
        }
        #expect(try database.loadTerritory() == Self.before)
    }

    @Test(
        arguments: [
            (
                "some-bands",
                "id,name,lat,lon,population,population.0-14,population.15-29,population.30-44,population.45-59,population.60-74,population.75+\nZ1,A,43,1,100,10,20,30,20,15,5\nZ2,B,43,1,100,10,,30,20,15,5\n",
                3, "population.15-29"
            ),
            (
                "bands-off-total",
                "id,name,lat,lon,population,population.0-14,population.15-29,population.30-44,population.45-59,population.60-74,population.75+\nZ1,A,43,1,100,10,20,30,20,15,50\n",
                2, nil
            ),
            ("density", "id,name,lat,lon,density_class\nZ1,A,43,1,7\n", 2, "density_class"),
            ("negative", "id,name,lat,lon,population\nZ1,A,43,1,-5\n", 2, "population"),
            ("duplicate", "id,name,lat,lon\nZ1,A,43,1\nZ1,B,43,1\n", 3, "id"),
            ("half-position", "id,name,lat,lon\nZ1,A,43,\n", 2, "lon"),
            ("named-column-missing", "code,name,lat,lon\nZ1,A,43,1\n", 1, "code_insee"),
        ] as [(String, String, Int, String?)])
    func badCSVIsRefusedAndChangesNothing(name: String, text: String, line: Int, field: String?) throws {
        let database = try emptyDatabase()
        try database.save(Self.before)
        let file = try write("\(name).csv", text)
        let columns = name == "named-column-missing" ? ZoneColumns(id: "code_insee") : ZoneColumns()
        #expect {
            _ = try ZonesImporter(columns: columns).run(file: file, into: database)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file == file && error.line == line && (field == nil || error.field == field)
        }
        #expect(try database.loadTerritory() == Self.before)
    }
}
