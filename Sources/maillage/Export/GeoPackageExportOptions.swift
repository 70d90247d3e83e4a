import ArgumentParser
import Foundation
import MaillageGeo
import MaillageIO
import MaillageReport
import MaillageStore

/// The options of `maillage export geopackage`: one QGIS-ready file with the territory and its results.
///
/// Layers: zones (polygons where known, else points) with one column per value of each --run
/// (named method_value_rRUN; layer_metadata says what each column holds), actors (points),
/// links (lines), simulation_ID_zones (means and 95 % intervals) and comparison_ALTERNATIVE
/// (differences, paired intervals, p-values, significance flags). Each layer has an R-tree
/// spatial index; indicator columns carry QGIS styles (the report's classes and palettes) in
/// layer_styles. Without --run, every stored indicator run is included.
struct GeoPackageExportOptions: ParsableArguments {
    @Option(help: "geopackage: an indicator run to add as zone columns (repeat for several; default: every run).")
    var run: [Int64] = []
    @Option(help: "geopackage: a simulation run whose zone indicators become a layer.") var simulation: Int64?
    @Option(help: "geopackage: a 'maillage compare --out' folder whose zone differences become layers.") var comparison:
        String?
    @Option(help: "geopackage: the CRS of the geometries, EPSG:4326 (default) or a projected one such as EPSG:2154.")
    var crs: String?

    func validate(out: String) throws {
        guard out.lowercased().hasSuffix(".gpkg") else {
            throw ValidationError("--out must end in .gpkg for a GeoPackage (got '\(out)').")
        }
    }

    func refuseUnlessGeoPackage() throws {
        guard run.isEmpty, simulation == nil, comparison == nil, crs == nil else {
            throw ValidationError("--run, --simulation, --comparison and --crs go with 'maillage export geopackage'.")
        }
    }

    func export(database db: String, out: String, global: GlobalOptions) throws {
        let crs = self.crs ?? "EPSG:4326"
        try OutputGuard.check(output: out, role: "--out", against: OutputGuard.Input.database(db))
        let database = try TerritoryDatabase.open(at: db)
        var package = TerritoryGeoPackage(territory: try database.loadTerritory())
        let headers = try database.indicatorRunHeaders()
        for id in run where !headers.contains(where: { $0.id == id }) {
            throw CommandError(
                message:
                    "\(db) has no indicator run \(id); it has \(headers.isEmpty ? "none" : headers.map { "\($0.id) (\($0.method))" }.joined(separator: ", "))",
                category: .usage)
        }
        let chosen = run.isEmpty ? headers : run.compactMap { id in headers.first { $0.id == id } }
        package.runs = try chosen.map { header in
            guard let stored = try database.indicatorRun(id: header.id) else {
                throw CommandError(message: "indicator run \(header.id) vanished while reading", category: .data)
            }
            return .init(header: header, run: stored)
        }
        if let simulation {
            guard let stored = try database.simulationRun(id: simulation) else {
                let ids = try database.simulationRunIDs()
                throw CommandError(
                    message:
                        "\(db) has no simulation run \(simulation); it has \(ids.isEmpty ? "none" : ids.map(String.init).joined(separator: ", "))",
                    category: .usage)
            }
            package.simulation = (simulation, stored)
        }
        if let comparison {
            package.comparison = (comparison, try TerritoryGeoPackage.comparisonRows(folder: comparison))
        }
        let system: GeoPackageCRS
        if crs.uppercased() == "EPSG:4326" {
            system = .wgs84
        } else {
            let description = try CRSDescription(crs)
            system = GeoPackageCRS(
                srsID: description.code, name: description.name, organization: description.authority,
                code: description.code, definition: description.wkt)
            package.transformer = try CoordinateTransformer(from: CoordinateTransformer.wgs84, to: crs)
        }
        let (layers, columns) = try package.layers()
        let styles = Self.styles(layers: layers, columns: columns)
        try GeoPackageWriter.write(layers: layers, styles: styles, crs: system, to: out)
        global.status(
            "Exported \(layers.filter { $0.geometryType != nil }.map { "\($0.name) (\($0.features.count))" }.joined(separator: ", ")) with \(styles.count) styles to \(out)"
        )
    }

    /// A style per indicator column, the first of each layer its default: sequential classes for
    /// values, diverging ones for comparison differences.
    static func styles(layers: [GeoPackageLayer], columns: [TerritoryGeoPackage.ColumnDescription]) -> [GeoPackageStyle]
    {
        var styles: [GeoPackageStyle] = []
        for layer in layers where layer.geometryType != nil {
            var layerStyles: [(style: GeoPackageStyle, distinct: Int)] = []
            let polygons = layer.geometryType == .multiPolygon
            for column in columns where column.layer == layer.name {
                guard let position = layer.fields.firstIndex(where: { $0.name == column.column }) else { continue }
                let values = layer.features.map { feature -> Double in
                    if case .real(let value) = feature.values[position] { return value }
                    return .nan
                }
                let style =
                    column.method == "compare"
                    ? LayerStyle.diverging(layer: layer.name, column: column.column, values: values, polygons: polygons)
                    : LayerStyle.sequential(
                        layer: layer.name, column: column.column, values: values, polygons: polygons)
                guard let style else { continue }
                layerStyles.append(
                    (
                        GeoPackageStyle(
                            table: layer.name, name: column.column, qml: style.qml, sld: style.sld, isDefault: false,
                            description: column.description), Set(values.filter(\.isFinite)).count
                    ))
            }
            // The default is the first column that is more than a 0/1 flag (coverage's `covered`).
            if let chosen = layerStyles.firstIndex(where: { $0.distinct > 2 }) ?? layerStyles.indices.first {
                layerStyles[chosen].style.isDefault = true
            }
            styles += layerStyles.map(\.style)
        }
        return styles
    }
}
