import Foundation
import MaillageCore
import MaillageFormats
import MaillageStore

/// Imports zones from a CSV or a GeoJSON file, chosen by extension (`.geojson`/`.json`).
///
/// CSV: `id,name,lat,lon,population,density_class` and `population.<band>` (or INSEE's
/// `Pyy_POP0014` … `Pyy_POP75P`), `x`/`y` with ``crs``. GeoJSON: a FeatureCollection of
/// Polygon/MultiPolygon features with the same property names; the boundary is stored and
/// the point is its area-weighted centroid (`PolygonCentroid`) unless `lat`/`lon` are given.
/// Ids are kept as text (`09001` keeps its zero).
///
/// A zone already stored is completed, not replaced: see `ZoneDraft.zone(over:source:)`
/// (a GeoJSON without populations updates geometry, point and name only). With a
/// ``codeMap``, the rows of merged communes become one zone under the new code.
public struct ZonesImporter {
    /// How the CSV is read: delimiter, encoding, header.
    public var csv = CSVOptions()
    /// The id, name, population and density columns, when they have other names than the usual ones.
    public var columns = ZoneColumns()
    /// The CRS of `x`/`y` columns in a CSV.
    public var crs: String?
    /// Old commune codes → current ones, so that merged communes become one zone.
    public var codeMap: CodeMap?

    /// An importer; by default the usual columns, WGS84 positions and no code map.
    public init(
        csv: CSVOptions = CSVOptions(), columns: ZoneColumns = ZoneColumns(), crs: String? = nil,
        codeMap: CodeMap? = nil
    ) {
        self.csv = csv
        self.columns = columns
        self.crs = crs
        self.codeMap = codeMap
    }

    /// Whether a path names a GeoJSON file rather than a CSV.
    public static func isGeoJSON(_ path: String) -> Bool {
        ["geojson", "json"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Imports or completes zones from a CSV or GeoJSON file, in one transaction.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "zones")
        let centroid = try PolygonCentroid.shared()
        let (drafts, source) = try read(path, centroid: centroid)
        report.rowsRead = drafts.count
        try Self.checkUnique(drafts, file: path)
        let zones = try combine(drafts, centroid: centroid, file: path, report: &report)
        report.warnings += OutlierCheck.warnings(
            zones.compactMap { draft in
                draft.point.map { ("zone \(draft.id) (\(draft.place))", $0) }
            })
        try database.transaction { writer in
            if let codeMap {
                let stored = try codeMap.storedOldCodes { try writer.zone($0) != nil }
                guard stored.isEmpty else { throw codeMap.doubleCountError(stored) }
            }
            var bands = BandRegistry()
            for draft in zones {
                guard let zone = try place(draft, writer: writer, source: source, file: path) else {
                    report.skip(
                        "no position (lat/lon empty) and no stored zone with this id", line: draft.line,
                        detail: [draft.id, draft.name].compactMap { $0 }.joined(separator: " "))
                    continue
                }
                try bands.register(zone, writer: writer, file: path, place: draft.place)
                report.record(try writer.upsert(zone))
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private func read(_ path: String, centroid: PolygonCentroid) throws -> ([ZoneDraft], ZoneSourceDescription) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if Self.isGeoJSON(path) {
            let drafts = try ZoneGeoJSONReader(path: path, columns: columns, centroid: centroid).read()
            let population = columns.population ?? "population"
            return (
                drafts,
                ZoneSourceDescription(
                    fileName: name, populationField: population, bandFields: ["population.<band>"],
                    centroidMethod: PolygonCentroid.method)
            )
        }
        let reader = ZoneCSVReader(file: try DelimitedFile(path: path, options: csv), columns: columns, crs: crs)
        let layout = try reader.layout()
        return (
            try reader.read(),
            ZoneSourceDescription(
                fileName: name, populationField: layout.population,
                bandFields: layout.bands.map(\.field), centroidMethod: nil)
        )
    }

    private func place(_ draft: ZoneDraft, writer: TerritoryWriter, source: ZoneSourceDescription, file: String) throws
        -> Zone?
    {
        do {
            return try draft.zone(over: writer.zone(draft.id), source: source)
        } catch let error as ValidationError {
            throw ImportError(
                file: file, line: draft.line, field: error.field,
                expected: "\(error.reason) (zone \(draft.id), \(draft.place))")
        }
    }

    /// Refuses an id given twice, naming both places.
    static func checkUnique(_ drafts: [ZoneDraft], file: String) throws {
        var seen = [String: String]()
        for draft in drafts {
            if let first = seen.updateValue(draft.place, forKey: draft.id) {
                throw ImportError(
                    file: file, line: draft.line, field: "id", value: draft.id,
                    expected: "a unique zone id; \(first) has the same")
            }
        }
    }

    /// Applies the code map: drafts sent to the same code become one, in the file's order.
    private func combine(
        _ drafts: [ZoneDraft], centroid: PolygonCentroid, file: String, report: inout ImportReport
    ) throws -> [ZoneDraft] {
        guard let codeMap else { return drafts }
        var order: [String] = []
        var groups = [String: [ZoneDraft]]()
        for draft in drafts {
            let id = codeMap.resolve(draft.id)
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(draft)
        }
        let present = Set(drafts.map(\.id))
        let unused = codeMap.oldCodes.filter { !present.contains($0) }
        if !unused.isEmpty {
            report.warnings.append(
                "\(unused.count) old code(s) of the code map \(codeMap.path) match no zone of the file: "
                    + unused.prefix(5).joined(separator: ", ") + (unused.count > 5 ? ", …" : ""))
        }
        return try order.map { id in
            let parts = groups[id] ?? []
            do {
                let merged = try ZoneDraft.combine(parts, as: id, centroid: centroid.centroid(of:))
                if parts.count > 1 {
                    let names = parts.map { [$0.id, $0.name].compactMap { $0 }.joined(separator: " ") }
                    report.warnings.append("zone \(id) merges \(names.joined(separator: ", ")) (code map)")
                }
                return merged
            } catch let error as ValidationError {
                throw ImportError(file: file, line: parts.first?.line, field: error.field, expected: error.reason)
            }
        }
    }
}

extension ZonesImporter {
    /// Reads the file's zones without a database, for a one-off study: the same reading,
    /// checks and errors as ``run(file:into:)``, each zone as a new one would be stored.
    ///
    /// A row without a position is skipped and counted in the report, as the import skips it.
    public func zones(file path: String) throws -> (zones: [Zone], report: ImportReport) {
        let start = Date()
        var report = ImportReport(file: path, kind: "zones")
        let centroid = try PolygonCentroid()
        let (drafts, source) = try read(path, centroid: centroid)
        report.rowsRead = drafts.count
        try Self.checkUnique(drafts, file: path)
        var zones: [Zone] = []
        for draft in try combine(drafts, centroid: centroid, file: path, report: &report) {
            let zone: Zone?
            do {
                zone = try draft.zone(over: nil, source: source)
            } catch let error as ValidationError {
                throw ImportError(
                    file: path, line: draft.line, field: error.field,
                    expected: "\(error.reason) (zone \(draft.id), \(draft.place))")
            }
            guard let zone else {
                report.skip(
                    "no position (lat/lon empty) and no stored zone with this id", line: draft.line,
                    detail: [draft.id, draft.name].compactMap { $0 }.joined(separator: " "))
                continue
            }
            zones.append(zone)
        }
        report.inserted = zones.count
        report.seconds = Date().timeIntervalSince(start)
        return (zones, report)
    }
}
