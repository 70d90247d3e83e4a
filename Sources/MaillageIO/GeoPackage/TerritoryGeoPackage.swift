import Foundation
import MaillageCore
import MaillageFormats
import MaillageGeo
import MaillageStore

/// The layers of a territory's GeoPackage: zones with the chosen indicator runs, actors, links,
/// a simulation run's zone indicators and a comparison's zone differences, and `layer_metadata`
/// describing every indicator column.
public struct TerritoryGeoPackage {
    /// A stored indicator run chosen for export.
    public struct Run: Sendable {
        /// The run's id, method and parameters, described in `layer_metadata`.
        public var header: IndicatorRunHeader
        /// The run's per-zone values, a column of the zones layer.
        public var run: IndicatorRun
        /// A run and its header.
        public init(header: IndicatorRunHeader, run: IndicatorRun) {
            self.header = header
            self.run = run
        }
    }

    /// One zone row of a comparison's `comparison.csv`.
    public struct ComparisonRow: Sendable {
        /// The alternative, the indicator and the zone of the row.
        public var alternative, indicator, zoneID: String
        /// The row's figures, nil where the file leaves them empty.
        public var baseline, alternativeValue, difference, lower, upper, pValue: Double?
        /// The significance flags, before and after the Benjamini–Hochberg correction.
        public var significant, fdrSignificant: Bool?
    }

    /// A column of a layer and what it holds, a row of `layer_metadata`.
    public struct ColumnDescription: Sendable {
        /// The layer and column described, and what the column holds (source, method, parameters, words).
        public var layer, column, source, method, valueColumn, parameters, description: String
        /// The stored run the column comes from, when it comes from one.
        public var runID: Int64?
    }

    /// The territory whose zones, actors and links the layers hold.
    public var territory: Territory
    /// Indicator runs added as columns of the zones layer.
    public var runs: [Run] = []
    /// A simulation run (with its id) whose zone indicators make a layer of their own.
    public var simulation: (id: Int64, run: SimulationRun)?
    /// A comparison's folder and `comparison.csv` rows, one layer of zone differences per alternative.
    public var comparison: (folder: String, rows: [ComparisonRow])?
    /// Converts WGS84 positions to the file's CRS; nil keeps WGS84.
    public var transformer: CoordinateTransformer?

    /// The territory's layers alone, in WGS84, until runs, a simulation or a comparison are added.
    public init(territory: Territory) { self.territory = territory }

    /// The column name of a run's value: method, value column (when it differs) and run id,
    /// such as `e2sfca_r2` or `nearest_minutes_r3`; the parameters are in `layer_metadata`.
    public static func columnName(method: String, valueColumn: String, runID: Int64) -> String {
        let base = valueColumn == method ? method : "\(method)_\(valueColumn)"
        return safeName("\(base)_r\(runID)")
    }

    /// Lower-case letters, digits and underscores, starting with a letter (QGIS and shapefile-friendly).
    public static func safeName(_ text: String) -> String {
        var name = String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        if name.first?.isLetter != true { name = "c_" + name }
        return name
    }

    /// Builds every layer and the `layer_metadata` rows describing the indicator columns.
    public func layers() throws -> (layers: [GeoPackageLayer], columns: [ColumnDescription]) {
        var columns: [ColumnDescription] = []
        var layers = [try zones(&columns), try actors(), try links()]
        if let simulation { layers.append(try simulationLayer(simulation.id, simulation.run, &columns)) }
        if let comparison { layers += try comparisonLayers(comparison.folder, comparison.rows, &columns) }
        layers.append(metadata(columns))
        return (layers, columns)
    }

    // MARK: geometry

    func xy(_ point: GeoPoint) throws -> GeoPackageGeometry.XY {
        guard let transformer else { return .init(point.longitude, point.latitude) }
        let (x, y) = try transformer.transform(x: point.longitude, y: point.latitude)
        return .init(x, y)
    }

    func geometry(of zone: Zone) throws -> GeoPackageGeometry {
        guard let boundary = zone.boundary else { return .point(x: try xy(zone.point).x, y: try xy(zone.point).y) }
        return .multiPolygon(
            try boundary.polygons.map { polygon in
                try RingOrientation.rightHanded(polygon).map { ring in try ring.map(xy) }
            })
    }

    var zoneGeometryType: GeoPackageLayer.GeometryType {
        let outlined = territory.zones.filter { $0.boundary != nil }.count
        return outlined == territory.zones.count && outlined > 0 ? .multiPolygon : (outlined == 0 ? .point : .geometry)
    }

    /// Zone layers share their first columns: id, name, population, density class.
    func zoneLayer(
        name: String, description: String, extra: [GeoPackageLayer.Field],
        values: (Zone) -> [GeoPackageLayer.Value]
    ) throws -> GeoPackageLayer {
        let fields: [GeoPackageLayer.Field] =
            [
                .init("zone_id", .text), .init("name", .text), .init("population", .real),
                .init("density_class", .integer),
            ] + extra
        let features = try territory.zones.map { zone in
            GeoPackageLayer.Feature(
                geometry: try geometry(of: zone),
                values: [
                    .text(zone.id), .text(zone.name), .number(zone.population.total),
                    zone.densityClass.map { .integer(Int64($0.rawValue)) } ?? .null,
                ] + values(zone))
        }
        return GeoPackageLayer(
            name: name, description: description, geometryType: zoneGeometryType, fields: fields, features: features)
    }

    // MARK: layers

    func zones(_ columns: inout [ColumnDescription]) throws -> GeoPackageLayer {
        var extra: [GeoPackageLayer.Field] = []
        var lookups: [[String: Double?]] = []
        for chosen in runs {
            let id = chosen.header.id
            let names = Set(chosen.run.values.flatMap(\.numbers.keys)).sorted()
            for valueColumn in names {
                let name = Self.columnName(method: chosen.header.method, valueColumn: valueColumn, runID: id)
                extra.append(.init(name, .real))
                lookups.append(
                    Dictionary(
                        chosen.run.values.map { ($0.zoneID, $0.numbers[valueColumn] ?? nil) },
                        uniquingKeysWith: { a, _ in a }))
                columns.append(
                    ColumnDescription(
                        layer: "zones", column: name, source: "indicator run \(id)", method: chosen.header.method,
                        valueColumn: valueColumn,
                        parameters: chosen.header.parameters,
                        description:
                            "\(chosen.header.method) \(valueColumn) of run \(id), computed \(chosen.header.createdAt) by Maillage \(chosen.header.maillageVersion) (inputs \(chosen.header.inputsFingerprint))",
                        runID: id))
            }
        }
        return try zoneLayer(
            name: "zones", description: "Zones with their population and the chosen indicator runs", extra: extra
        ) { zone in
            lookups.map { GeoPackageLayer.Value.number(($0[zone.id] ?? nil) ?? nil) }
        }
    }

    func actors() throws -> GeoPackageLayer {
        // The column only when some actor has a practice start year: other territories keep their layer.
        let years = territory.actors.contains { $0.practiceStartYear != nil }
        let measures = Array(Set(territory.actors.flatMap { $0.capacities.map(\.measure) })).sorted {
            $0.rawValue < $1.rawValue
        }
        let fields: [GeoPackageLayer.Field] =
            [
                .init("actor_id", .text), .init("kind", .text), .init("name", .text), .init("zone_id", .text),
                .init("services", .text),
            ]
            + measures.map { .init("capacity_\($0.rawValue)", .real) }
            + (years ? [.init("practice_start_year", .integer)] : [])
        let features = try territory.actors.map { actor in
            let position = try xy(actor.point)
            return GeoPackageLayer.Feature(
                geometry: .point(x: position.x, y: position.y),
                values: [
                    .text(actor.id), .text(actor.kind.rawValue), .text(actor.name),
                    actor.zoneID.map { .text($0) } ?? .null,
                    .text(actor.services.joined(separator: ";")),
                ] + measures.map { .number(actor.capacity($0)?.value) }
                    + (years ? [actor.practiceStartYear.map { .integer(Int64($0)) } ?? .null] : []))
        }
        return GeoPackageLayer(
            name: "actors", description: "Care actors: kind, capacities, services", geometryType: .point,
            fields: fields, features: features)
    }

    func links() throws -> GeoPackageLayer {
        let actors = Dictionary(territory.actors.map { ($0.id, $0.point) }, uniquingKeysWith: { a, _ in a })
        let zones = Dictionary(territory.zones.map { ($0.id, $0.point) }, uniquingKeysWith: { a, _ in a })
        let features = try territory.links.compactMap { link -> GeoPackageLayer.Feature? in
            guard let from = actors[link.from], let to = link.kind.targetsZone ? zones[link.to] : actors[link.to] else {
                return nil
            }
            return GeoPackageLayer.Feature(
                geometry: .lineString([try xy(from), try xy(to)]),
                values: [
                    .text(link.from), .text(link.kind.rawValue), .text(link.to),
                    .text(link.kind.targetsZone ? "zone" : "actor"),
                    .number(link.strength),
                ])
        }
        return GeoPackageLayer(
            name: "links", description: "Links between actors, and from actors to the zones they cover",
            geometryType: .lineString,
            fields: [
                .init("from_id", .text), .init("kind", .text), .init("to_id", .text), .init("to_type", .text),
                .init("strength", .real),
            ], features: features)
    }

    func simulationLayer(_ id: Int64, _ run: SimulationRun, _ columns: inout [ColumnDescription]) throws
        -> GeoPackageLayer
    {
        var byZone: [String: [String: (value: Double?, low: Double?, high: Double?)]] = [:]
        var found = Set<String>()
        run.forEachZoneMean { zone, name, value, low, high in
            byZone[zone, default: [:]][name] = (value, low, high)
            found.insert(name)
        }
        let names = found.sorted()
        let layer = "simulation_\(id)_zones"
        var extra: [GeoPackageLayer.Field] = []
        for name in names {
            let base = Self.safeName(name)
            extra += [.init(base, .real), .init("\(base)_ci_low", .real), .init("\(base)_ci_high", .real)]
            columns.append(
                ColumnDescription(
                    layer: layer, column: base, source: "simulation run \(id)", method: "simulate", valueColumn: name,
                    parameters: run.parameters,
                    description:
                        "\(name): mean over \(run.replications) replication(s) of \(run.days) days (seed \(run.seed)), with its 95 % interval in \(base)_ci_low/_ci_high",
                    runID: id))
        }
        return try zoneLayer(
            name: layer, description: "Simulation run \(id): zone indicators (means and 95 % intervals)", extra: extra
        ) { zone in
            names.flatMap { name -> [GeoPackageLayer.Value] in
                let value = byZone[zone.id]?[name]
                return [.number(value?.value), .number(value?.low), .number(value?.high)]
            }
        }
    }

    func comparisonLayers(_ folder: String, _ rows: [ComparisonRow], _ columns: inout [ColumnDescription]) throws
        -> [GeoPackageLayer]
    {
        var alternatives: [String] = []
        for row in rows where !alternatives.contains(row.alternative) { alternatives.append(row.alternative) }
        return try alternatives.map { alternative in
            let mine = rows.filter { $0.alternative == alternative }
            var indicators: [String] = []
            for row in mine where !indicators.contains(row.indicator) { indicators.append(row.indicator) }
            var byZone: [String: [String: ComparisonRow]] = [:]
            for row in mine { byZone[row.zoneID, default: [:]][row.indicator] = row }
            let layer = Self.safeName("comparison_\(alternative)")
            let suffixes = ["baseline", "alternative", "difference", "lower", "upper", "p_value"]
            var extra: [GeoPackageLayer.Field] = []
            for indicator in indicators {
                let base = Self.safeName(indicator)
                extra +=
                    suffixes.map { .init("\(base)_\($0)", .real) } + [
                        .init("\(base)_significant", .integer), .init("\(base)_fdr_significant", .integer),
                    ]
                columns.append(
                    ColumnDescription(
                        layer: layer, column: "\(base)_difference", source: "comparison \(folder)", method: "compare",
                        valueColumn: indicator, parameters: "",
                        description:
                            "\(indicator): alternative \(alternative) minus the baseline, paired 95 % interval in _lower/_upper, p-value, significance (1/0) and Benjamini–Hochberg flag",
                        runID: nil))
            }
            return try zoneLayer(
                name: layer, description: "Comparison \(alternative) − baseline, per zone", extra: extra
            ) { zone in
                indicators.flatMap { indicator -> [GeoPackageLayer.Value] in
                    let row = byZone[zone.id]?[indicator]
                    let flags: [GeoPackageLayer.Value] = [row?.significant, row?.fdrSignificant].map {
                        $0.map { .integer($0 ? 1 : 0) } ?? .null
                    }
                    return [row?.baseline, row?.alternativeValue, row?.difference, row?.lower, row?.upper, row?.pValue]
                        .map(GeoPackageLayer.Value.number) + flags
                }
            }
        }
    }

    func metadata(_ columns: [ColumnDescription]) -> GeoPackageLayer {
        GeoPackageLayer(
            name: "layer_metadata", description: "What each indicator column of the layers holds", geometryType: nil,
            fields: [
                .init("layer", .text), .init("column_name", .text), .init("source", .text), .init("run_id", .integer),
                .init("method", .text), .init("value_column", .text), .init("parameters", .text),
                .init("description", .text),
            ],
            features: columns.map { column in
                GeoPackageLayer.Feature(
                    geometry: nil,
                    values: [
                        .text(column.layer), .text(column.column), .text(column.source),
                        column.runID.map { .integer($0) } ?? .null,
                        .text(column.method), .text(column.valueColumn), .text(column.parameters),
                        .text(column.description),
                    ])
            })
    }
}

extension TerritoryGeoPackage {
    /// Reads the zone rows of a comparison folder's `comparison.csv` (territory rows, zone `*`, are left out).
    public static func comparisonRows(folder: String) throws -> [ComparisonRow] {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("comparison.csv").path
        guard FileManager.default.fileExists(atPath: path) else { throw FileAccessError.missing(path) }
        let file = try DelimitedFile(path: path)
        try file.requireColumns(["alternative", "indicator", "zone_id", "difference"])
        var rows: [ComparisonRow] = []
        try file.forEachRecord { record in
            guard let zone = record.string("zone_id"), zone != "*" else { return }
            func number(_ name: String) -> Double? { record.string(name).flatMap(Double.init) }
            func flag(_ name: String) -> Bool? { record.string(name).flatMap { $0.isEmpty ? nil : $0 == "1" } }
            rows.append(
                ComparisonRow(
                    alternative: record.string("alternative") ?? "", indicator: record.string("indicator") ?? "",
                    zoneID: zone,
                    baseline: number("baseline"), alternativeValue: number("alternative_value"),
                    difference: number("difference"),
                    lower: number("lower"), upper: number("upper"), pValue: number("p_value"),
                    significant: flag("significant"), fdrSignificant: flag("fdr_significant")))
        }
        return rows
    }
}
