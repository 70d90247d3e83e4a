import Foundation
import GRDB
import MaillageCore
import MaillageFormats
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageIO

/// The FINESS importer on the real Etalab extracts of `../shared/data/finess` and on small
/// hand-written files. Expected figures come from the raw files through awk (command given).
@Suite struct FinessImporterTests {
    let folder = try! TemporaryFolder()

    static let stock = "finess/etalab_cs1100507_stock_occitanie5.csv"

    func write(_ name: String, _ text: String, encoding: String.Encoding = .isoLatin1) throws -> String {
        try folder.write(name, text, encoding: encoding)
    }

    func emptyDatabase() throws -> TerritoryDatabase { try TerritoryDatabase.create(at: folder.path("t-\(UUID()).db")) }

    func kindCounts(_ database: TerritoryDatabase) throws -> [ActorKind: Int] {
        Dictionary(try database.loadTerritory().actors.map { ($0.kind, 1) }, uniquingKeysWith: +)
    }

    // A hand-written stock file: the metadata line, two establishments, their geolocalisation.
    static let header = "finess;etalab;96;2021-01-08\r\n"
    static func structure(
        _ id: String, name: String, commune: String = "555", departement: String = "31", category: String = "355"
    ) -> String {
        "structureet;\(id);310781406;\(name.prefix(25));\(name);;;;;PL DU DR BAYLAC;;;\(commune);\(departement);HAUTE GARONNE;31059 TOULOUSE;0561772233;;\(category);Centre Hospitalier;1102;CH;26310012500040;8610Z;;;1;EPS;1904-04-04;1904-04-04;2019-06-05;\r\n"
    }
    static func geolocation(_ id: String, _ x: String, _ y: String) -> String {
        "geolocalisation;\(id);\(x);\(y);1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2019-06-05\r\n"
    }
    static let twoSites =
        header + structure("310783048", name: "HÔPITAL PURPAN")
        + structure("310000001", name: "CLINIQUE SANS POSITION", category: "365")
        + geolocation("310783048", "574358.5", "6279635.9") + geolocation("310000001", "", "")

    // MARK: the real stock file

    /// Expected kinds, counted on the raw file:
    /// `awk -F';' '$1=="structureet"{print $19}' etalab_cs1100507_stock_occitanie5.csv | sort | uniq -c`
    /// gives 101: 16, 106: 12, 128: 3, 129: 2, 355: 46, 365: 15 (hospital 94), 603: 76, 124: 68,
    /// 354: 95, 127: 6, 620: 718, 500: 306, 611: 161, and 1,911 in other categories (3,435 in all).
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func wholeStockFileImportsEveryEstablishmentWithItsKind() throws {
        let database = try emptyDatabase()
        let report = try FinessImporter().run(file: try SharedData.path(Self.stock), into: database)
        #expect(report.rowsRead == 3435 && report.inserted == 3435 && report.skippedCount == 0)
        #expect(
            try kindCounts(database) == [
                .hospital: 94, .msp: 76, .healthCentre: 68, .ssiad: 95, .had: 6, .pharmacy: 718, .ehpad: 306, .lab: 161,
                .other: 1911,
            ])
        // `awk -F';' '$1=="structureet" && $2=="090002916"{print $4}'`: a quoted name with doubled quotes;
        // 310024831's short label lost its closing quote at the cut (line 1122) and must not swallow rslongue.
        let actors = Dictionary(uniqueKeysWithValues: try database.loadTerritory().actors.map { ($0.id, $0) })
        #expect(actors["090002916"]?.name == "EHPA \"RESIDENCE VILLA DES ROSES\"")
        #expect(actors["310024831"]?.name == "LIEU DE VIE \"LE CHATEAU DE MA MERE\"")
        #expect(actors["310024831"]?.kind == .other)  // categetab 462, Lieux de vie
        let purpan = try #require(actors["310783048"])
        #expect(purpan.name == "HOPITAL PURPAN CHU TLSE" && purpan.kind == .hospital)
        #expect(purpan.sourceReference == "FINESS:310783048")
        #expect(purpan.sourcePosition == (try SourcePosition(x: 574358.5, y: 6279635.9, crs: "EPSG:2154")))
        // Estimated places (primer: 125,000 SSIAD places / 2,100 services ≈ 60).
        #expect(
            actors.values.filter { $0.kind == .ssiad }.allSatisfy {
                $0.capacity(.places) == (try? Capacity(.places, 60, isEstimated: true))
            })
        #expect(actors.values.filter { $0.kind == .ehpad }.allSatisfy { $0.capacity(.places)?.isEstimated == true })
        #expect(actors.values.filter { $0.kind == .pharmacy }.allSatisfy { $0.capacities.isEmpty })
    }

    /// pyproj is not installed here, so the WGS84 positions of the same establishments in
    /// `finess_occitanie5_flat.csv` (its last two columns, latitude and longitude) are the
    /// reference: SOURCES.md says the stock file's Lambert-93 was projected from them and
    /// rounded to 0.1 m, i.e. at most 0.05 m per axis, under 1e-6° of latitude or longitude
    /// at 43°N. Purpan (310783048) is there at 43.60463649828528, 1.4442101416721873.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func positionsMatchTheWGS84ExtractWithinATenthOfAMetre() throws {
        let database = try emptyDatabase()
        _ = try FinessImporter().run(file: try SharedData.path(Self.stock), into: database)
        let actors = Dictionary(uniqueKeysWithValues: try database.loadTerritory().actors.map { ($0.id, $0.point) })
        let purpan = try #require(actors["310783048"])
        #expect(abs(purpan.latitude - 43.60463649828528) < 1e-6 && abs(purpan.longitude - 1.4442101416721873) < 1e-6)

        let flat = try String(contentsOfFile: try SharedData.path("finess/finess_occitanie5_flat.csv"), encoding: .utf8)
        var compared = 0
        var worst = 0.0
        for line in flat.split(whereSeparator: \.isNewline).dropFirst() {  // CRLF is one Character
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let id = fields.first.map(String.init), let lat = Double(fields[fields.count - 2]),
                let lon = Double(fields[fields.count - 1]), let point = actors[id]
            else { continue }
            worst = max(worst, abs(point.latitude - lat), abs(point.longitude - lon))
            compared += 1
        }
        #expect(compared == 3435)
        #expect(worst < 1e-6)
    }

    /// `awk -F';' '$1=="structureet" && ($14=="09"||$14=="31") && ($19=="355"||$19=="620"){print $19}' … | sort | uniq -c`
    /// gives 10 (355) and 459 (620).
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func départementAndCategoryFiltersKeepOnlyWhatIsAsked() throws {
        let database = try emptyDatabase()
        let report = try FinessImporter(departements: ["9", "31"], categories: ["355", "620"])
            .run(file: try SharedData.path(Self.stock), into: database)
        #expect(try kindCounts(database) == [.hospital: 10, .pharmacy: 459])
        #expect(report.inserted == 469 && report.skippedCount == 3435 - 469)
    }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func reimportUpdatesInPlaceAndKeepsServicesFromOtherImports() throws {
        let database = try emptyDatabase()
        let path = try SharedData.path(Self.stock)
        _ = try FinessImporter().run(file: path, into: database)
        try database.transaction { writer in
            try writer.addService("emergency", to: "310783048")
            try writer.setCapacity(Capacity(.places, 75), of: "090000365")  // an SSIAD's measured places
        }
        let again = try FinessImporter().run(file: path, into: database)
        #expect(again.inserted == 0 && again.updated == 3435)
        let territory = try database.loadTerritory()
        #expect(territory.actors.count == 3435)
        #expect(territory.actors.first { $0.id == "310783048" }?.services == ["emergency"])
        #expect(territory.actors.first { $0.id == "090000365" }?.capacities == [try Capacity(.places, 75)])
    }

    /// Ain, one line per site, Lambert-93, accents already broken into U+FFFD in the source.
    /// `awk -F';' 'NR>1{print $22}' etalab_flat_ain_sample.csv | sort | uniq -c`: 620 59,
    /// 355 8 + 106 3 (hospital 11), 354 2, 500 1, 611 1, and 26 others.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func flatAinSampleImportsItsHundredRows() throws {
        let database = try emptyDatabase()
        let report = try FinessImporter().run(
            file: try SharedData.path("finess/etalab_flat_ain_sample.csv"), into: database)
        #expect(report.rowsRead == 100 && report.inserted == 100)
        #expect(try kindCounts(database) == [.pharmacy: 59, .hospital: 11, .ssiad: 2, .ehpad: 1, .lab: 1, .other: 26])
        let actors = try database.loadTerritory().actors
        // `sed -n 95p etalab_flat_ain_sample.csv | cut -d';' -f1,4`
        #expect(
            actors.first { $0.id == "010003689" }?.name
                == "SCE ACCOMPAG.FAM.ET D'\u{FFFD}DUC.PR\u{FFFD}COCE-SCE AIDE \u{FFFD} L'ACQUISITION")
        // Ain lies around 5°E, 46°N.
        #expect(
            actors.allSatisfy { (4.7...6.2).contains($0.point.longitude) && (45.5...46.6).contains($0.point.latitude) })
    }

    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func flatWGS84ExtractImports() throws {
        let database = try emptyDatabase()
        let report = try FinessImporter().run(
            file: try SharedData.path("finess/finess_occitanie5_flat.csv"), into: database)
        #expect(report.inserted == 3435)
        let purpan = try #require(try database.loadTerritory().actors.first { $0.id == "310783048" })
        #expect(purpan.point == (try GeoPoint(longitude: 1.4442101416721873, latitude: 43.60463649828528)))
        #expect(purpan.sourcePosition == nil && purpan.kind == .hospital)
    }

    // MARK: hand-written files

    @Test func zonesAreLinkedAndFallbackPlacesAtTheCommunePoint() throws {
        let database = try emptyDatabase()
        let toulouse = try Zone(
            id: "31555", name: "Toulouse", point: GeoPoint(longitude: 1.4437, latitude: 43.6045),
            population: Population(total: 500_000))
        try database.save(Territory(name: "z", zones: [toulouse]))
        let file = try write("two.csv", Self.twoSites)

        let skipped = try FinessImporter().run(file: file, into: database)
        #expect(skipped.inserted == 1 && skipped.skipped == ["no coordinates": 1])
        #expect(try database.loadTerritory().actors.map(\.zoneID) == ["31555"])

        let placed = try FinessImporter(fallback: .commune).run(file: file, into: database)
        #expect(placed.inserted == 1 && placed.updated == 1 && placed.skippedCount == 0)
        let clinic = try #require(try database.loadTerritory().actors.first { $0.id == "310000001" })
        #expect(clinic.point == toulouse.point && clinic.zoneID == "31555" && clinic.sourcePosition == nil)
        #expect(clinic.sourceReference == "FINESS:310000001 (position: commune point)")
        #expect(clinic.name == "CLINIQUE SANS POSITION" && clinic.kind == .hospital)
    }

    @Test func fallbackWithoutTheZoneSkips() throws {
        let database = try emptyDatabase()
        let report = try FinessImporter(fallback: .commune).run(
            file: try write("two.csv", Self.twoSites), into: database)
        #expect(
            report.inserted == 1
                && report.skipped == ["no coordinates, and its commune is not a zone in the database": 1])
        #expect(report.warnings.contains { $0.hasPrefix("1 establishment(s) whose commune is not a zone") })
    }

    @Test func mappingFileOverridesAndExtendsTheTable() throws {
        let mapping = try write("map.csv", "category,kind\n355,other\n462,ehpad\n", encoding: .utf8)
        let table = try FinessCategoryMapping.standard.overridden(byFile: mapping)
        #expect(
            table.kind(of: "355") == .other && table.kind(of: "462") == .ehpad && table.kind(of: "620") == .pharmacy)
        #expect(table.kind(of: "999") == .other)
        let database = try emptyDatabase()
        _ = try FinessImporter(mapping: table).run(
            file: try write(
                "one.csv",
                Self.header + Self.structure("310783048", name: "P")
                    + Self.geolocation("310783048", "574358.5", "6279635.9")), into: database)
        #expect(try database.loadTerritory().actors.map(\.kind) == [.other])
    }

    @Test func overseasCoordinatesUseTheirUTMZone() throws {
        // Pointe-à-Pitre, Guadeloupe: 16.2411°N 61.5331°W is UTM 20N (EPSG:4559) E 657,000 N 1,796,000 roughly.
        let text =
            Self.header + Self.structure("970100001", name: "CHU POINTE A PITRE", commune: "120", departement: "9A")
            + "geolocalisation;970100001;657000;1796000;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_N20;2019-06-05\r\n"
        let database = try emptyDatabase()
        _ = try FinessImporter().run(file: try write("gp.csv", text), into: database)
        let actor = try #require(try database.loadTerritory().actors.first)
        #expect(actor.sourcePosition?.crs == "EPSG:4559")
        #expect(abs(actor.point.longitude - -61.53) < 0.05 && abs(actor.point.latitude - 16.24) < 0.05)
    }

    /// Each bad file fails with an ImportError naming the file, line and field, and leaves
    /// the database as it was.
    @Test(
        arguments: [
            (
                "non-numeric",
                header + structure("310783048", name: "P") + geolocation("310783048", "574358,5x", "6279635.9"), 3,
                "coordxet"
            ),
            (
                "half-position", header + structure("310783048", name: "P") + geolocation("310783048", "574358.5", ""),
                3, "coordyet"
            ),
            (
                "swapped",
                header + structure("310783048", name: "P") + geolocation("310783048", "6279635.9", "574358.5"), 3,
                "coordxet, coordyet"
            ),
            ("truncated-line", header + structure("310783048", name: "P") + "geolocalisation;310783048;5743", 3, nil),
            (
                "no-geolocation-block", header + structure("310783048", name: "P") + structure("310000001", name: "Q"),
                4, nil
            ),
            (
                "duplicate",
                header + structure("310783048", name: "P") + structure("310783048", name: "Q")
                    + geolocation("310783048", "574358.5", "6279635.9"), 3, "nofinesset"
            ),
            ("unknown-record", header + structure("310783048", name: "P") + "equipementsocial;310783048;1\r\n", 3, nil),
            ("empty", "", 1, nil),
            ("flat-without-coordinates", "nofinesset;rs;categetab\n310783048;P;355\n", 1, "coordx, coordy"),
        ] as [(String, String, Int, String?)])
    func badInputIsRefusedAndChangesNothing(name: String, text: String, line: Int, field: String?) throws {
        let database = try emptyDatabase()
        try database.save(
            Territory(
                name: "before",
                actors: [Actor(id: "keep", kind: .pharmacy, name: "P", point: GeoPoint(longitude: 1, latitude: 43))]))
        let before = try database.loadTerritory()
        let file = try write("\(name).csv", text)
        #expect {
            _ = try FinessImporter().run(file: file, into: database)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file == file && error.line == line && (field == nil || error.field == field)
        }
        #expect(try database.loadTerritory() == before)
    }

    /// The whole real file cut in the middle of its geolocalisation block, mid-line.
    @Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
    func truncatedRealStockFileIsRefused() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: try SharedData.path(Self.stock)))
        let cut = folder.path("cut.csv")
        try data.prefix(1_000_000).write(to: URL(fileURLWithPath: cut))
        // `head -c 1000000 etalab_cs1100507_stock_occitanie5.csv | wc -l` gives 4,202 complete lines: the cut is on line 4,203.
        let database = try emptyDatabase()
        #expect {
            _ = try FinessImporter().run(file: cut, into: database)
        } throws: { error in
            (error as? ImportError)?.line == 4203
        }
        #expect(try database.summary().actors == 0)
    }

    @Test(
        arguments: [
            ("category,kind\n620,drugstore\n", 2, "kind"),
            ("category,kind\npharmacy,620\n", 2, "category"),
            ("category,kind\n620,other\n620,lab\n", 3, "category"),
            ("category;type\n620;other\n", 1, "kind"),
        ] as [(String, Int, String)])
    func badMappingFileNamesItsLine(text: String, line: Int, field: String) throws {
        let mapping = try write("map-\(UUID()).csv", text, encoding: .utf8)
        #expect {
            _ = try FinessCategoryMapping.standard.overridden(byFile: mapping)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file == mapping && error.line == line && error.field == field
        }
    }
}
