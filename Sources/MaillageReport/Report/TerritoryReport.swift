import Foundation
import MaillageCore
import MaillageStore

/// The report of a territory database: its contents, then each indicator run (or one).
///
/// ```swift
/// let html = try TerritoryReport.html(database: try TerritoryDatabase.open(at: "out/demo.db"))
/// ```
public enum TerritoryReport {
    /// The whole report as one self-contained HTML page.
    ///
    /// - Parameters:
    ///   - runID: the only run to show; every stored run when nil.
    ///   - generatedAt: the date printed in the footer.
    /// - Throws: ``ReportError/unknownRun(id:path:available:)`` for a run the database does not
    ///   hold, store errors reading it, ``ProjError`` when a position cannot be projected.
    public static func html(database: TerritoryDatabase, runID: Int64? = nil, generatedAt: Date = Date()) throws -> String {
        let headers = try database.indicatorRunHeaders()
        let chosen = try runID.map { id in
            guard let header = headers.first(where: { $0.id == id }) else {
                throw ReportError.unknownRun(id: id, path: database.path, available: headers.map(\.id))
            }
            return [header]
        } ?? headers
        let summary = try database.summary()
        let territory = try database.loadTerritory()
        let projected = try ProjectedTerritory(
            territory, projection: try MapProjection.suited(to: territory.boundingBox),
            width: ChoroplethMap.mapWidth, maxHeight: ChoroplethMap.maxHeight, margin: ChoroplethMap.margin
        )
        let name = URL(fileURLWithPath: database.path).lastPathComponent
        var sections: [any ReportSection] = [TerritorySection(summary: summary, origin: try database.metadata(.origin), databaseName: name)]
        for header in chosen {
            guard let run = try database.indicatorRun(id: header.id) else { continue }
            sections.append(IndicatorSection(header: header, reading: IndicatorReading(run: run), territory: projected))
        }
        let entries = try sections.map { HTMLPage.Entry(anchor: $0.anchor, heading: $0.heading, body: try $0.body()) }
        let runs = chosen.count == 1 ? "1 indicator run" : "\(chosen.count) indicator runs"
        let title = summary.name.isEmpty ? name : summary.name
        return HTMLPage.render(
            title: "Maillage report: \(title)",
            subtitle: "\(DisplayNumber.count(summary.zones)) zones, \(DisplayNumber.format(summary.population, decimals: 0)) inhabitants, "
                + "\(DisplayNumber.count(summary.actors)) actors; \(runs).",
            entries: entries,
            footer: "Made by Maillage \(MaillageVersion.current) on \(ISO8601DateFormatter().string(from: generatedAt)) from \(name). "
                + "Classes: quantiles. Colours: \(SequentialPalette.name), colorbrewer2.org. Maps drawn in \(projected.projection.name) with PROJ."
        )
    }
}
