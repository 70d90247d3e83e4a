import Foundation
import MaillageCore
import MaillageFormats
import MaillageGeo
import MaillageStore

/// Imports FINESS establishments as actors: `maillage import finess FILE --db DB`.
///
/// Layouts, detected from the first line:
/// - the official Etalab stock file (ISO-8859-1, `;`, a `finess;etalab;…` line, then
///   `structureet` and `geolocalisation` records, no header);
/// - one line per establishment with a header: Lambert-93/UTM `coordx;coordy` (Etalab's flat
///   layout) or WGS84 `latitude`/`longitude`.
///
/// Each establishment becomes an actor whose id is its FINESS number (`nofinesset`), named
/// `rslongue` (else `rs`), with source reference `FINESS:<nofinesset>` and the coordinates as
/// given (x, y and their CRS) beside the WGS84 point PROJ gives. The CRS is the one named at
/// the end of `sourcecoordet` (`LAMBERT_93` → EPSG:2154, `UTM_N20` → EPSG:4559…), else the
/// département's: EPSG:2154 in mainland France, 9A/9B EPSG:4559, 9C EPSG:2972, 9D EPSG:2975,
/// 9E EPSG:4467, 9F EPSG:4471. The zone is the INSEE commune code (`departement` + `commune`,
/// or `cog`) when such a zone is already in the database; otherwise the actor has no zone and
/// the report counts it.
///
/// The kind comes from the category (`categetab`) through ``FinessCategoryMapping`` (355, 101,
/// 106, 365, 128, 129 → hospital; 603 → msp; 124 → health_centre; 354 → ssiad; 127 → had;
/// 620 → pharmacy; 500 → ehpad; 611 → lab; any other → other), which a mapping file can
/// override. FINESS has no capacities: SSIADs, HADs and EHPADs get the estimated places of
/// ``FinessEstimatedCapacities`` (60, 50 and 80), marked as estimated.
///
/// Re-importing updates actors in place. Services and measured capacities that another
/// import set on an actor (`emergency`, visits…) are kept; only estimates are recomputed.
///
/// An establishment without coordinates is skipped and counted, or with
/// ``FinessPositionFallback/commune`` placed at its commune zone's point; such an actor has no
/// source position and its source reference reads `FINESS:<n> (position: commune point)`, so
/// that the approximation travels with it into every export.
public struct FinessImporter {
    /// Départements to keep (`09`, `31`, `2A`); nil keeps all.
    public var departements: Set<String>?
    /// Categories (`categetab`) to keep; nil keeps all.
    public var categories: Set<String>?
    /// What to do with an establishment without coordinates: skip it, or place it at its commune.
    public var fallback: FinessPositionFallback
    /// Which actor kind each category becomes.
    public var mapping: FinessCategoryMapping
    /// The capacities given, as estimates, to kinds FINESS gives none for.
    public var capacities: FinessEstimatedCapacities

    /// An importer; by default every département and category, the primer's mapping and estimates.
    public init(
        departements: Set<String>? = nil, categories: Set<String>? = nil, fallback: FinessPositionFallback = .skip,
        mapping: FinessCategoryMapping = .standard, capacities: FinessEstimatedCapacities = .standard
    ) {
        self.departements = departements.map { Set($0.map(FinessDepartement.normalize)) }
        self.categories = categories.map { Set($0.map { $0.trimmingCharacters(in: .whitespaces) }) }
        self.fallback = fallback
        self.mapping = mapping
        self.capacities = capacities
    }

    /// The source reference of an actor placed at its commune's point.
    public static func fallbackReference(_ id: String) -> String { "FINESS:\(id) (position: commune point)" }

    /// Imports or updates the file's establishments as actors, in one transaction.
    public func run(file path: String, into database: TerritoryDatabase) throws -> ImportReport {
        let start = Date()
        var report = ImportReport(file: path, kind: "finess")
        let establishments = try FinessLayout.detect(path: path).read(path: path, report: &report)
        let selected = establishments.filter { keep($0, report: &report) }
        let positioned = try convert(selected, file: path)
        try database.transaction { writer in
            try store(positioned, file: path, writer: writer, report: &report)
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private func keep(_ establishment: FinessEstablishment, report: inout ImportReport) -> Bool {
        if let departements, !departements.contains(establishment.departement ?? "") {
            report.skip(
                "département not selected", line: establishment.line, detail: establishment.departement ?? "none")
            return false
        }
        if let categories, !categories.contains(establishment.category) {
            report.skip("category not selected", line: establishment.line, detail: establishment.category)
            return false
        }
        return true
    }

    /// The WGS84 point of each establishment that has coordinates; nil for the others.
    private func convert(_ establishments: [FinessEstablishment], file: String) throws -> [(
        FinessEstablishment, GeoPoint?
    )] {
        let transformers = TransformerCache()
        return try establishments.map { establishment in
            guard let position = establishment.position else { return (establishment, nil) }
            return (establishment, try Self.point(of: position, file: file, transformers: transformers))
        }
    }

    private static func point(of position: FinessPosition, file: String, transformers: TransformerCache) throws
        -> GeoPoint
    {
        let value = "\(position.x), \(position.y)"
        guard let crs = position.crs else {
            guard let point = try? GeoPoint(longitude: position.x, latitude: position.y) else {
                throw ImportError(
                    file: file, line: position.line, field: position.fields, value: value,
                    expected: "a WGS84 longitude in -180...180 and latitude in -90...90")
            }
            return point
        }
        do {
            let point = try transformers.transformer(for: crs).geoPoint(x: position.x, y: position.y)
            if let problem = FinessCRS.implausibility(longitude: point.longitude, latitude: point.latitude, crs: crs) {
                throw ImportError(
                    file: file, line: position.line, field: position.fields, value: value, expected: problem)
            }
            return point
        } catch let error as ProjError {
            throw ImportError(
                file: file, line: position.line, field: position.fields, value: value,
                expected: "a position PROJ can convert from \(crs) (\(error.message))")
        } catch let error as ValidationError {
            throw ImportError(
                file: file, line: position.line, field: position.fields, value: value,
                expected: "a position in \(crs) (\(error.reason))")
        }
    }

    private func store(
        _ positioned: [(FinessEstablishment, GeoPoint?)], file: String, writer: TerritoryWriter,
        report: inout ImportReport
    ) throws {
        let zones = Dictionary(
            try writer.zonePoints().map { ($0.id, $0.point) }, uniquingKeysWith: { first, _ in first })
        var withoutZone = 0
        var atCommunePoint = 0
        var points: [(label: String, point: GeoPoint)] = []
        for (establishment, converted) in positioned {
            let zone = establishment.communeCode.flatMap { zones[$0] != nil ? $0 : nil }
            var point = converted
            var reference = "FINESS:\(establishment.id)"
            if point == nil, fallback == .commune, let zone, let zonePoint = zones[zone] {
                point = zonePoint
                reference = Self.fallbackReference(establishment.id)
                atCommunePoint += 1
            }
            guard let point else {
                let reason =
                    fallback == .commune
                    ? "no coordinates, and its commune is not a zone in the database" : "no coordinates"
                report.skip(reason, line: establishment.line, detail: establishment.id)
                continue
            }
            if zone == nil { withoutZone += 1 }
            let actor = try makeActor(
                establishment, point: point, zone: zone, reference: reference, file: file, writer: writer)
            report.record(try writer.upsert(actor))
            if converted != nil {
                points.append(("establishment \(establishment.id) (line \(establishment.line))", point))
            }
        }
        if atCommunePoint > 0 {
            report.warnings.append(
                "\(atCommunePoint) establishment(s) without coordinates placed at their commune's point (source_ref says so)"
            )
        }
        if withoutZone > 0 {
            report.warnings.append(
                "\(withoutZone) establishment(s) whose commune is not a zone in the database: zone left empty (import zones first to link them)"
            )
        }
        report.warnings += OutlierCheck.warnings(points)
    }

    private func makeActor(
        _ establishment: FinessEstablishment, point: GeoPoint, zone: String?, reference: String, file: String,
        writer: TerritoryWriter
    ) throws -> Actor {
        let kind = mapping.kind(of: establishment.category)
        do {
            let source = try establishment.position.flatMap { position in
                try position.crs.map { try SourcePosition(x: position.x, y: position.y, crs: $0) }
            }
            return try Actor(
                id: establishment.id, kind: kind, name: establishment.name, point: point, zoneID: zone,
                capacities: capacities.merged(stored: writer.capacities(of: establishment.id), kind: kind),
                services: writer.services(of: establishment.id),
                sourceReference: reference, sourcePosition: source
            )
        } catch let error as ValidationError {
            throw ImportError(error, file: file, line: establishment.line)
        }
    }
}
