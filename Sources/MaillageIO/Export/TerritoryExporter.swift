import MaillageCore
import MaillageFormats
import MaillageStore

/// Writes a table of a territory database to CSV or GeoJSON, whole or not at all.
///
/// Column and property names are those the importers read, so an export imports back into
/// an empty database with the same ids, kinds, names, capacities, services, links and
/// positions. The file is written beside its target and renamed over it at the end: a
/// failure leaves no half-written file. Numbers are written by `NumberText`.
///
/// ```swift
/// var exporter = TerritoryExporter()
/// exporter.delimiter = ";"
/// let summary = try exporter.export(.actors, from: database, to: "out/actors.csv")
/// ```
public struct TerritoryExporter {
    /// The CSV field delimiter (`;` for French spreadsheets).
    public var delimiter: Unicode.Scalar = ","
    /// Adds the source columns (`source_ref`, `source_x`, `source_y`, `source_crs` for actors,
    /// `provenance` for zones).
    public var includeSource = false
    /// The matrix to export; may be nil when the database has exactly one.
    public var matrix: String?

    /// An exporter writing comma-separated CSV without source columns.
    public init() {}

    /// Writes a table to `path`, in the format its extension names, whole or not at all.
    public func export(_ table: ExportTable, from database: TerritoryDatabase, to path: String) throws -> ExportSummary
    {
        guard let format = ExportFormat(path: path) else { throw ExportError.unknownExtension(path: path) }
        if table == .matrix {
            guard format == .csv else { throw ExportError.unsupportedFormat(table, format) }
            return try exportMatrix(from: database, to: path)
        }
        let territory = try database.loadTerritory()
        var rows = 0
        try AtomicFile.write(to: path) { stream in
            switch format {
            case .csv:
                let (header, writeRows) = csvTable(table, territory)
                let writer = try CSVTableWriter(stream: stream, delimiter: delimiter, header: header)
                try writeRows { row in
                    try writer.write(row)
                    rows += 1
                }
                try writer.finish()
            case .geojson:
                let features = self.features(table, territory)
                rows = features.count
                try GeoJSONText.writeCollection(features, to: stream)
            }
        }
        return ExportSummary(table: table, format: format, path: path, rows: rows)
    }

    private func csvTable(_ table: ExportTable, _ territory: Territory) -> (
        [String], (([String]) throws -> Void) throws -> Void
    ) {
        switch table {
        case .actors:
            let export = ActorsExport(actors: territory.actors, includeSource: includeSource)
            return (export.header, export.rows)
        case .zones:
            let export = ZonesExport(zones: territory.zones, ageBands: territory.ageBands, includeSource: includeSource)
            return (export.header, export.rows)
        case .links, .matrix:
            return (LinksExport.header, LinksExport(territory: territory).rows)
        }
    }

    private func features(_ table: ExportTable, _ territory: Territory) -> [String] {
        switch table {
        case .actors: ActorsExport(actors: territory.actors, includeSource: includeSource).features
        case .zones:
            ZonesExport(zones: territory.zones, ageBands: territory.ageBands, includeSource: includeSource).features
        case .links, .matrix: LinksExport(territory: territory).features
        }
    }

    /// Streams the matrix's stored pairs: `origin_id, destination_id, minutes, km`.
    private func exportMatrix(from database: TerritoryDatabase, to path: String) throws -> ExportSummary {
        let matrices = try database.travelMatrices()
        let definition: TravelMatrixDefinition
        if let matrix {
            guard let found = matrices.first(where: { $0.name == matrix }) else {
                throw ExportError.unknownMatrix(name: matrix, names: matrices.map(\.name))
            }
            definition = found
        } else {
            guard let only = matrices.first else { throw ExportError.noMatrix(database: database.path) }
            guard matrices.count == 1 else { throw ExportError.matrixNeeded(names: matrices.map(\.name)) }
            definition = only
        }
        var rows = 0
        try AtomicFile.write(to: path) { stream in
            let writer = try CSVTableWriter(
                stream: stream, delimiter: delimiter, header: ["origin_id", "destination_id", "minutes", "km"])
            try database.forEachTravelTime(of: definition.name) { origin, destination, time in
                try writer.write([
                    origin.id, destination.id, NumberText.format(time.minutes), time.km.map(NumberText.format) ?? "",
                ])
                rows += 1
            }
            try writer.finish()
        }
        let direction = definition.isDirected ? "directed: import it back as directed" : "undirected"
        var note = "matrix '\(definition.name)' is \(direction)"
        var settings = definition.isDirected ? [SettingHint("directed")] : []
        if definition.intrazoneMinutes != 0 {
            let minutes = NumberText.format(definition.intrazoneMinutes)
            note += ", with \(minutes) intrazone minutes"
            settings.append(SettingHint("intrazone_minutes", example: minutes))
        }
        var summary = ExportSummary(table: .matrix, format: .csv, path: path, rows: rows, note: note)
        summary.importSettings = settings
        return summary
    }
}
