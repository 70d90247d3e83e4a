import Foundation
import MaillageCore
import MaillageStore

/// The report of a territory database: its contents, then its indicator runs, simulation runs
/// and a scenario comparison, as chosen.
///
/// ```swift
/// let html = try TerritoryReport.html(database: try TerritoryDatabase.open(at: "out/demo.db"))
/// ```
public enum TerritoryReport {
    /// The whole report as one self-contained HTML page.
    ///
    /// - Parameters:
    ///   - database: the territory database the zones, actors and stored runs are read from.
    ///   - runID: the only run to show; every stored run (indicator and simulation) when nil.
    ///   - generatedAt: the date printed in the footer.
    /// - Throws: ``ReportError/unknownRun(id:path:available:)`` for a run the database does not
    ///   hold, store errors reading it, `ProjError` when a position cannot be projected.
    public static func html(database: TerritoryDatabase, runID: Int64? = nil, generatedAt: Date = Date()) throws
        -> String
    {
        try html(
            database: database, runs: runID.map(RunChoice.only) ?? .all, simulations: runID == nil ? .all : .none,
            generatedAt: generatedAt)
    }

    /// The report of the chosen indicator runs, simulation runs and scenario comparison.
    ///
    /// - Parameters:
    ///   - database: the territory database the zones, actors and stored runs are read from.
    ///   - runs: the stored indicator runs to show.
    ///   - simulations: the stored simulation runs to show.
    ///   - comparison: a folder `maillage compare --out` wrote, shown after the runs.
    ///   - isochrones: a GeoJSON file `maillage access isochrones` wrote, drawn over the zones.
    ///   - location: a GeoJSON file `maillage locate` wrote: its sites drawn over the zones.
    ///   - sensitivity: folders `maillage sensitivity --scenario` wrote (`DIR` or `ALTERNATIVE=DIR`): the
    ///     comparison flags each alternative's differences that rest on assumed parameters.
    ///   - calibration: a folder `maillage calibrate` wrote: the map of its per-site residuals and its measures.
    ///   - generatedAt: the date printed in the footer.
    /// - Throws: ``ReportError`` for a run the database does not hold or an unreadable
    ///   comparison folder, store errors, `ProjError` when a position cannot be projected.
    public static func html(
        database: TerritoryDatabase, runs: RunChoice, simulations: RunChoice, comparison: String? = nil,
        isochrones: String? = nil,
        location: String? = nil, sensitivity: [String] = [], calibration: String? = nil, generatedAt: Date = Date()
    ) throws -> String {
        let headers = try database.indicatorRunHeaders()
        let chosen: [IndicatorRunHeader]
        switch runs {
        case .all: chosen = headers
        case .none: chosen = []
        case .only(let id):
            guard let header = headers.first(where: { $0.id == id }) else {
                throw ReportError.unknownRun(id: id, path: database.path, available: headers.map(\.id))
            }
            chosen = [header]
        }
        let simulationHeaders = try database.simulationRunHeaders()
        let chosenSimulations: [SimulationRunHeader]
        switch simulations {
        case .all: chosenSimulations = simulationHeaders
        case .none: chosenSimulations = []
        case .only(let id):
            guard let header = simulationHeaders.first(where: { $0.id == id }) else {
                throw ReportError.unknownSimulationRun(
                    id: id, path: database.path, available: simulationHeaders.map(\.id))
            }
            chosenSimulations = [header]
        }
        let comparisonReading = try comparison.map { try ComparisonReading(folder: $0) }
        let summary = try database.summary()
        let territory = try database.loadTerritory()
        let projected = try ProjectedTerritory(
            territory, projection: try MapProjection.suited(to: territory.boundingBox),
            width: ChoroplethMap.mapWidth, maxHeight: ChoroplethMap.maxHeight, margin: ChoroplethMap.margin
        )
        let name = URL(fileURLWithPath: database.path).lastPathComponent
        var sections: [any ReportSection] = [
            TerritorySection(summary: summary, origin: try database.metadata(.origin), databaseName: name)
        ]
        for header in chosen {
            guard let run = try database.indicatorRun(id: header.id) else { continue }
            sections.append(IndicatorSection(header: header, reading: IndicatorReading(run: run), territory: projected))
        }
        for header in chosenSimulations {
            guard let run = try database.simulationRun(id: header.id) else { continue }
            sections.append(
                SimulationSection(reading: SimulationReading(header: header, run: run), territory: projected))
        }
        if let comparisonReading {
            let screenings = try AssumptionScreening.byAlternative(
                sensitivity, alternatives: comparisonReading.alternatives)
            sections.append(
                ComparisonSection(reading: comparisonReading, territory: projected, screenings: screenings))
        }
        if let isochrones { sections.append(try IsochroneSection(path: isochrones, territory: projected)) }
        if let location { sections.append(try LocationSection(path: location, territory: projected)) }
        if let calibration { sections.append(try CalibrationSection(folder: calibration, territory: projected)) }
        let entries = try sections.map { HTMLPage.Entry(anchor: $0.anchor, heading: $0.heading, body: try $0.body()) }
        var contents = [chosen.count == 1 ? "1 indicator run" : "\(chosen.count) indicator runs"]
        if !chosenSimulations.isEmpty {
            contents.append(
                chosenSimulations.count == 1 ? "1 simulation run" : "\(chosenSimulations.count) simulation runs")
        }
        if let comparisonReading {
            contents.append("a comparison of \(comparisonReading.alternatives.count + 1) scenarios")
        }
        let title = summary.name.isEmpty ? name : summary.name
        var colours = "Colours: \(SequentialPalette.name)"
        if comparisonReading != nil { colours += ", differences \(DivergingPalette.name)" }
        return HTMLPage.render(
            title: "Maillage report: \(title)",
            subtitle:
                "\(DisplayNumber.count(summary.zones)) zones, \(DisplayNumber.format(summary.population, decimals: 0)) inhabitants, "
                + "\(DisplayNumber.count(summary.actors)) actors; \(contents.joined(separator: ", ")).",
            entries: entries,
            footer:
                "Made by Maillage \(MaillageVersion.current) on \(ISO8601DateFormatter().string(from: generatedAt)) from \(name). "
                + "Classes: quantiles. \(colours), colorbrewer2.org. Maps drawn in \(projected.projection.name) with PROJ."
        )
    }
}
