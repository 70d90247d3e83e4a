/// One table of a GeoPackage: a feature layer (with geometry) or an attribute table (without).
public struct GeoPackageLayer: Sendable {
    /// The geometry type declared in `gpkg_geometry_columns`; nil for an attribute table.
    public enum GeometryType: String, Sendable {
        case point = "POINT"
        case lineString = "LINESTRING"
        case multiPolygon = "MULTIPOLYGON"
        /// Mixed points and polygons (zones of which only some have an outline).
        case geometry = "GEOMETRY"
    }

    /// The SQLite type of an attribute column.
    public enum FieldType: String, Sendable {
        case text = "TEXT"
        case real = "REAL"
        case integer = "INTEGER"
    }

    /// An attribute value of a feature.
    public enum Value: Sendable, Equatable {
        case text(String)
        case real(Double)
        case integer(Int64)
        case null

        /// A number, null when NaN or infinite (GeoPackage columns hold no NaN).
        public static func number(_ value: Double?) -> Value {
            guard let value, value.isFinite else { return .null }
            return .real(value)
        }
    }

    /// An attribute column: its name and type.
    public struct Field: Sendable {
        /// The column's name.
        public var name: String
        /// The column's SQLite type.
        public var type: FieldType
        /// A column `name` of type `type`.
        public init(_ name: String, _ type: FieldType) {
            self.name = name
            self.type = type
        }
    }

    /// One row of a layer: its geometry, if any, and its values in field order.
    public struct Feature: Sendable {
        /// The feature's geometry, nil for none.
        public var geometry: GeoPackageGeometry?
        /// The feature's values, one per field.
        public var values: [Value]
        /// A feature with `geometry` and `values`.
        public init(geometry: GeoPackageGeometry?, values: [Value]) {
            self.geometry = geometry
            self.values = values
        }
    }

    /// The table name: lower case letters, digits and underscores, starting with a letter.
    public var name: String
    /// The layer's description in `gpkg_contents`.
    public var description: String
    /// The layer's geometry type; nil makes an attribute table.
    public var geometryType: GeometryType?
    /// The attribute columns.
    public var fields: [Field]
    /// The rows.
    public var features: [Feature]

    /// A layer named `name`.
    public init(
        name: String, description: String, geometryType: GeometryType?, fields: [Field], features: [Feature] = []
    ) {
        self.name = name
        self.description = description
        self.geometryType = geometryType
        self.fields = fields
        self.features = features
    }
}

/// A QGIS layer style stored in the GeoPackage's `layer_styles` table (QGIS's own convention):
/// the layer opens in QGIS already coloured.
public struct GeoPackageStyle: Sendable {
    /// The table the style applies to.
    public var table: String
    /// The style's name.
    public var name: String
    /// The style as QGIS's QML.
    public var qml: String
    /// The style as OGC SLD.
    public var sld: String
    /// Whether QGIS uses it when the layer is opened.
    public var isDefault: Bool
    /// The style's description.
    public var description: String

    /// A style for `table`.
    public init(table: String, name: String, qml: String, sld: String, isDefault: Bool, description: String) {
        self.table = table
        self.name = name
        self.qml = qml
        self.sld = sld
        self.isDefault = isDefault
        self.description = description
    }
}

/// A coordinate reference system row of `gpkg_spatial_ref_sys`.
public struct GeoPackageCRS: Sendable, Equatable {
    /// The SRS id the file uses.
    public var srsID: Int32
    /// The system's name.
    public var name: String
    /// The authority defining it (`EPSG`).
    public var organization: String
    /// The authority's code.
    public var code: Int32
    /// The WKT definition (OGC 01-009, as GDAL writes it).
    public var definition: String

    /// A coordinate reference system for `gpkg_spatial_ref_sys`.
    public init(srsID: Int32, name: String, organization: String = "EPSG", code: Int32, definition: String) {
        self.srsID = srsID
        self.name = name
        self.organization = organization
        self.code = code
        self.definition = definition
    }

    /// WGS 84 geographic, the GeoPackage's mandatory CRS.
    public static let wgs84 = GeoPackageCRS(
        srsID: 4326, name: "WGS 84 geodetic", code: 4326,
        definition: """
            GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],\
            PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],\
            AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]
            """)
}
