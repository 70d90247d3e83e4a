import CProj

/// What PROJ knows of a CRS: its name, authority code and WKT, for files that declare their
/// CRS (a GeoPackage's `gpkg_spatial_ref_sys`).
public struct CRSDescription: Sendable, Equatable {
    /// The CRS's name as PROJ gives it (`RGF93 v1 / Lambert-93`).
    public let name: String
    /// The authority that defines the code, usually `EPSG`.
    public let authority: String
    /// The authority's code (2154 for Lambert-93).
    public let code: Int32
    /// WKT1 as GDAL writes it (OGC 01-009), the form GeoPackage 1.3 asks for.
    public let wkt: String

    /// Looks a CRS up (`EPSG:2154`).
    ///
    /// - Throws: ``ProjError`` when PROJ does not know it or it has no integer authority code.
    public init(_ identifier: String) throws {
        let context = ProjContext()
        let operation = "looking up \(identifier)"
        guard let crs = proj_create(context.handle, identifier) else { throw context.error(operation: operation) }
        defer { proj_destroy(crs) }
        guard let wkt = proj_as_wkt(context.handle, crs, PJ_WKT1_GDAL, nil),
            let authority = proj_get_id_auth_name(crs, 0), let code = proj_get_id_code(crs, 0),
            let number = Int32(String(cString: code))
        else {
            throw ProjError(operation: operation, message: "PROJ gives no WKT or authority code for it", code: 0)
        }
        name = proj_get_name(crs).map { String(cString: $0) } ?? identifier
        self.authority = String(cString: authority)
        self.code = number
        self.wkt = String(cString: wkt)
    }
}
