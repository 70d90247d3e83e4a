import Foundation
import MaillageCore
import MaillageStore
import MaillageTestSupport
import Testing

@testable import MaillageReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A simulation run's section, read back from the database as a browser would parse it.
@Suite struct SimulationSectionTests {
    /// The three communes of ``ReportStructureTests`` and a hand-made simulation run: two zone
    /// indicators, two actors' occupancy, 14 days of beds (5 of 10 used) and GP slots (8 of 10
    /// on weekdays, none offered at weekends).
    static func database(in folder: TemporaryFolder) throws -> TerritoryDatabase {
        let database = try ReportStructureTests.database(in: folder)
        let values: [SimulationRun.Value] = [
            .init(
                scope: .territory, subjectID: "", replication: 0, name: "gp_contacts_per_inhabitant", value: 4.2,
                low: 4.0, high: 4.4),
            .init(
                scope: .territory, subjectID: "", replication: 0, name: "share_without_declared_gp", value: 0.25,
                low: 0.2, high: 0.3),
            .init(scope: .territory, subjectID: "", replication: 1, name: "share_without_declared_gp", value: 0.2),
            .init(scope: .zone, subjectID: "A", replication: 0, name: "share_without_declared_gp", value: 0.1),
            .init(scope: .zone, subjectID: "B", replication: 0, name: "share_without_declared_gp", value: 0.5),
            .init(scope: .zone, subjectID: "C", replication: 0, name: "share_without_declared_gp", value: nil),
            .init(scope: .zone, subjectID: "A", replication: 0, name: "gp_contacts_per_inhabitant", value: 3),
            .init(scope: .zone, subjectID: "B", replication: 0, name: "gp_contacts_per_inhabitant", value: 5),
            .init(scope: .zone, subjectID: "C", replication: 0, name: "gp_contacts_per_inhabitant", value: 4),
            .init(scope: .zone, subjectID: "A", replication: 0, name: "needs_acute_minor", value: 12),
            .init(scope: .actor, subjectID: "310000001", replication: 0, name: "occupancy", value: 0.8),
            .init(scope: .actor, subjectID: "310000001", replication: 0, name: "contacts", value: 100),
            .init(scope: .actor, subjectID: "gp1", replication: 0, name: "occupancy", value: 0.5),
        ]
        let week: [Double?] = [8, 8, 8, 8, 8, 0, 0]
        let offeredWeek: [Double?] = [10, 10, 10, 10, 10, 0, 0]
        let series = [
            SimulationRun.Series(name: "hospital_beds.used", values: Array(repeating: 5, count: 14)),
            SimulationRun.Series(name: "hospital_beds.offered", values: Array(repeating: 10, count: 14)),
            SimulationRun.Series(name: "gp_slots.used", values: week + week),
            SimulationRun.Series(name: "gp_slots.offered", values: offeredWeek + offeredWeek),
        ]
        try database.save(
            SimulationRun(
                parameters: #"{"start_date":"2026-01-01","warm_up_days":60}"#, events: "[]", days: 14, seed: "7",
                replications: 3,
                inputsFingerprint: "f00d", values: values, series: series
            ))
        return database
    }

    typealias T = ReportStructureTests

    @Test func theSeriesAndValuesRoundTripThroughTheDatabase() throws {
        let folder = try TemporaryFolder()
        let database = try Self.database(in: folder)
        let run = try #require(try database.simulationRun(id: 1))
        #expect(
            run.series.map(\.name) == [
                "gp_slots.offered", "gp_slots.used", "hospital_beds.offered", "hospital_beds.used",
            ])
        #expect(run.series.first?.values == [10, 10, 10, 10, 10, 0, 0, 10, 10, 10, 10, 10, 0, 0])
        #expect(run.values.count == 13)
        #expect(try database.simulationRunHeaders().map(\.seed) == ["7"])
        #expect(try database.simulationRun(id: 2) == nil)
    }

    @Test func theSectionMapsZoneIndicatorsWithTheirUnitsAndActorsByKind() throws {
        let folder = try TemporaryFolder()
        let html = try TerritoryReport.html(database: try Self.database(in: folder), runs: .none, simulations: .only(1))
        let document = try T.parse(html)
        #expect(try T.elements(document, "//*[local-name()='script']").isEmpty)
        let sections = try T.elements(document, "//*[local-name()='section']").compactMap { $0.value(of: "id") }
        #expect(sections == ["territory", "simulation-1"])
        let maps = try T.elements(
            document, "//*[local-name()='section'][@id='simulation-1']//*[local-name()='svg'][@class='map']")
        #expect(maps.count == 2)  // the two mapped indicators the run has; needs_acute_minor is not mapped
        // Shares in percent: A 10, B 50, C none. Quantiles of {10, 50} put A in the first class, B in the last.
        let zones = try T.elements(
            document, "(//*[local-name()='svg'][@class='map'])[1]/*[local-name()='g'][@class='zones']/*")
        let fills = Dictionary(
            uniqueKeysWithValues: zones.map { ($0.stringValue?.prefix(1) ?? "", $0.value(of: "fill") ?? "") })
        #expect(fills["A"] == "#ffffcc")
        #expect(fills["B"] == "#253494")
        #expect(fills["G"]?.hasPrefix("url(#") == true)
        let legend =
            try T.elements(document, "(//*[local-name()='svg'][@class='map'])[1]//*[local-name()='g'][@class='legend']")
            .first?.stringValue ?? ""
        #expect(legend.contains("Inhabitants without a declared GP"))
        #expect(legend.contains("% of inhabitants"))
        #expect(legend.contains("GP practice, MSP or health centre (1)"))
        // The first map draws every place of care by kind, with its occupancy; the second only hospitals.
        let first = try T.elements(
            document, "(//*[local-name()='svg'][@class='map'])[1]//*[local-name()='g'][@class='actors']/*")
        #expect(first.compactMap { $0.value(of: "class") } == ["gp", "emergency"])
        #expect(
            first.last?.stringValue == "\(T.hostileName) (310000001, hospital): 80.0 % of capacity used, 100 contacts")
        let second = try T.elements(
            document, "(//*[local-name()='svg'][@class='map'])[2]//*[local-name()='g'][@class='actors']/*")
        #expect(second.compactMap { $0.value(of: "class") } == ["emergency"])
    }

    @Test func theOccupancyChartDrawsOneLinePerRole() throws {
        let folder = try TemporaryFolder()
        let document = try T.parse(
            try TerritoryReport.html(database: try Self.database(in: folder), runs: .none, simulations: .all))
        let lines = try T.elements(
            document, "//*[local-name()='svg'][@class='occupancy-chart']//*[local-name()='path'][@class='line']")
        #expect(lines.compactMap { $0.value(of: "data-role") } == ["hospital_beds", "gp_slots"])
        // Beds: 5 of 10 every day, so every point is at 50 %: y = 20 + (340 − 20 − 48) × (1 − 0.5 / 1) = 156.
        let beds = lines.first?.value(of: "d") ?? ""
        let ys = Set(
            beds.split(whereSeparator: { "ML".contains($0) }).compactMap {
                $0.split(separator: " ").last.map(String.init)
            })
        #expect(ys == ["156"])
        #expect(beds.hasPrefix("M64 156"))
        let legend = try T.elements(document, "//*[local-name()='g'][@class='chart-legend']").first?.stringValue ?? ""
        // Overall: beds 70 / 140 = 50 %; GP slots 80 / 100 = 80 %.
        #expect(legend.contains("Hospital beds50.0 % over the run"))
        #expect(legend.contains("GP consultation slots80.0 % over the run"))
    }

    @Test func theFiguresCarryTheirIntervalsAndTheProvenanceTheRun() throws {
        let folder = try TemporaryFolder()
        let document = try T.parse(
            try TerritoryReport.html(database: try Self.database(in: folder), runs: .none, simulations: .only(1)))
        let rows = try T.elements(document, "//*[local-name()='section'][@id='simulation-1']//*[local-name()='tr']").map
        {
            ($0.children ?? []).compactMap(\.stringValue)
        }
        #expect(rows.contains(["share_without_declared_gp", "25", "20 – 30", "% of inhabitants"]))
        #expect(rows.contains(["gp_contacts_per_inhabitant", "4.2", "4 – 4.4", "contacts per inhabitant a year"]))
        #expect(rows.contains(["Seed", "7"]))
        #expect(rows.contains(["Replications", "3"]))
        #expect(rows.contains(["Start date", "2026-01-01"]))
        #expect(rows.contains(["Warm-up days (not counted)", "60"]))
        #expect(rows.contains(["Events", "none"]))
        let keyFigure = try T.elements(document, "//*[local-name()='p'][@class='key-figure']").first?.stringValue ?? ""
        #expect(
            keyFigure
                == "4.2 [4 – 4.4] GP contacts per inhabitant a year; 25 % [20 – 30] of inhabitants without a declared GP "
                + "(95 % intervals over replications in brackets).")
    }

    @Test func anUnknownSimulationIsRefusedNamingThoseThatExist() throws {
        let folder = try TemporaryFolder()
        let database = try Self.database(in: folder)
        #expect { try TerritoryReport.html(database: database, runs: .none, simulations: .only(5)) } throws: {
            "\($0)".contains("no simulation run 5; its simulation runs are 1")
        }
        // Without a choice, both the indicator run and the simulation run are shown.
        let all = try T.parse(try TerritoryReport.html(database: database))
        #expect(
            try T.elements(all, "//*[local-name()='section']").compactMap { $0.value(of: "id") } == [
                "territory", "run-1", "simulation-1",
            ])
    }
}
