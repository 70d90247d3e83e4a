import MaillageCore
import MaillageFormats
import MaillageGeo

/// Reads a record's position: `lat`/`lon` in WGS84, or `x`/`y` in a declared CRS through PROJ.
///
/// The transformer is built once per file: PROJ objects are costly to create.
public struct PositionReader {
    /// The CRS of `x`/`y` columns, as given; nil when the file is read in WGS84.
    public let crs: String?
    private let transformer: CoordinateTransformer?
    /// Whether positions come from `x`/`y` through PROJ rather than from `lat`/`lon`.
    public let usesXY: Bool

    /// Chooses `x`/`y` when the file has them and a CRS is given, else `lat`/`lon`.
    public init(file: DelimitedFile, crs: String?) throws {
        self.crs = crs
        let hasXY = file.hasColumn("x") && file.hasColumn("y")
        let hasLatLon =
            file.hasColumn("lat") && file.hasColumn("lon")
            || file.hasColumn("latitude") && file.hasColumn("longitude")
        if hasXY && !hasLatLon && crs == nil {
            throw ImportError(
                file: file.path, line: 1, field: "x, y",
                expected: "the coordinate reference system x and y are in",
                hint: SettingHint("crs", example: "EPSG:2154"))
        }
        guard hasXY || hasLatLon else {
            throw ImportError(
                file: file.path, line: 1, field: "lat, lon",
                expected: "columns lat and lon (WGS84), or x and y with their coordinate reference system; "
                    + "the header has \(file.header.joined(separator: ", "))",
                hint: SettingHint("crs", example: "EPSG:2154"))
        }
        usesXY = hasXY && crs != nil
        // Built only when x/y are read: a file with lat/lon and a --crs (every fuzz input of the
        // zones and actors targets) paid for a PROJ transformation it never used.
        transformer = usesXY ? try crs.map { try CoordinateTransformer(from: $0) } : nil
    }

    /// The record's WGS84 point and, when converted, the coordinates as given.
    public func position(of record: Record) throws -> (GeoPoint, SourcePosition?) {
        if usesXY, let transformer, let crs {
            let x = try record.requiredDouble("x")
            let y = try record.requiredDouble("y")
            do {
                let point = try transformer.geoPoint(x: x, y: y)
                return (point, try SourcePosition(x: x, y: y, crs: crs))
            } catch let error as ProjError {
                throw record.error(
                    "x, y", value: "\(x), \(y)", expected: "a position PROJ can convert from \(crs): \(error.message)")
            } catch let error as ValidationError {
                throw record.error("x, y", value: "\(x), \(y)", expected: "a position in \(crs) (\(error.reason))")
            }
        }
        let lat = try record.string("lat") != nil ? record.requiredDouble("lat") : record.requiredDouble("latitude")
        let lon = try record.string("lon") != nil ? record.requiredDouble("lon") : record.requiredDouble("longitude")
        guard (-90...90).contains(lat) else {
            throw record.error(
                "lat", value: "\(lat)",
                expected:
                    "a WGS84 latitude in -90...90 (projected coordinates go in x and y with their reference system)"
            )
            .hinted("crs", example: "EPSG:2154")
        }
        guard (-180...180).contains(lon) else {
            throw record.error(
                "lon", value: "\(lon)",
                expected:
                    "a WGS84 longitude in -180...180 (projected coordinates go in x and y with their reference system)"
            )
            .hinted("crs", example: "EPSG:2154")
        }
        return (try GeoPoint(longitude: lon, latitude: lat), nil)
    }
}
