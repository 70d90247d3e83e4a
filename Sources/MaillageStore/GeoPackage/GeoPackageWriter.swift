import Foundation
import GRDB
import MaillageFormats

/// Writes an OGC GeoPackage 1.3 (OGC 12-128r18) with SQLite, no GDAL needed: the core tables,
/// feature and attribute tables, an R-tree spatial index per feature table (with the spec's
/// triggers, so that QGIS edits keep it in step) and QGIS layer styles.
///
/// The file is built beside the target under a temporary name and renamed over it once
/// complete: a failure leaves any previous file untouched.
public enum GeoPackageWriter {
    /// `GPKG` as a big-endian 32-bit integer: the SQLite header's application id.
    public static let applicationID: Int32 = 0x4750_4B47
    /// 1.3.0 as the spec encodes it in `user_version`.
    public static let userVersion: Int32 = 10300

    /// Writes `layers` and `styles` in `crs` as a GeoPackage at `path`, atomically.
    public static func write(layers: [GeoPackageLayer], styles: [GeoPackageStyle], crs: GeoPackageCRS, to path: String)
        throws
    {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileAccessError.unwritable(path, "cannot create its folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        var renamed = false
        defer {
            if !renamed {
                for suffix in ["", "-journal", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: temporary + suffix)
                }
            }
        }
        do {
            let queue = try DatabaseQueue(path: temporary)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(userVersion)")
                try db.inTransaction {
                    try createCore(db, crs: crs)
                    for layer in layers { try write(layer, crs: crs, db) }
                    if !styles.isEmpty { try write(styles, db) }
                    return .commit
                }
            }
            try queue.close()
        } catch let error as DatabaseError {
            let reason = DiskSpace.isFull(at: folder.path) ? AtomicFile.diskFull : (error.message ?? "\(error)")
            throw FileAccessError.unwritable(path, reason)
        }
        guard rename(temporary, target.path) == 0 else {
            throw FileAccessError.unwritable(path, String(cString: strerror(errno)))
        }
        renamed = true
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private static func createCore(_ db: Database, crs: GeoPackageCRS) throws {
        try db.execute(
            sql: """
                CREATE TABLE gpkg_spatial_ref_sys (
                  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (
                  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                CREATE TABLE gpkg_geometry_columns (
                  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                CREATE TABLE gpkg_extensions (
                  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
                  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
                INSERT INTO gpkg_spatial_ref_sys VALUES
                  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
                  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
                """)
        var systems = [GeoPackageCRS.wgs84]
        if crs != .wgs84 { systems.append(crs) }
        for system in systems {
            try db.execute(
                sql: "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    system.name, system.srsID, system.organization, system.code, system.definition, system.name,
                ])
        }
    }

    private static func write(_ layer: GeoPackageLayer, crs: GeoPackageCRS, _ db: Database) throws {
        let table = quoted(layer.name)
        var columns = ["fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"]
        if let type = layer.geometryType { columns.append("geom \(type.rawValue)") }
        columns += layer.fields.map { "\(quoted($0.name)) \($0.type.rawValue)" }
        try db.execute(sql: "CREATE TABLE \(table) (\(columns.joined(separator: ", ")))")

        let names = (layer.geometryType == nil ? [] : ["geom"]) + layer.fields.map { quoted($0.name) }
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO \(table) (fid\(names.isEmpty ? "" : ", " + names.joined(separator: ", "))) VALUES (?\(String(repeating: ", ?", count: names.count)))
                """)
        var box: (minX: Double, maxX: Double, minY: Double, maxY: Double)?
        var envelopes: [(Int64, (minX: Double, maxX: Double, minY: Double, maxY: Double))] = []
        for (index, feature) in layer.features.enumerated() {
            let fid = Int64(index + 1)
            var arguments: [(any DatabaseValueConvertible)?] = [fid]
            if layer.geometryType != nil {
                arguments.append(feature.geometry.map { $0.blob(srsID: crs.srsID) })
                if let envelope = feature.geometry?.envelope {
                    envelopes.append((fid, envelope))
                    box =
                        box.map {
                            (
                                min($0.minX, envelope.minX), max($0.maxX, envelope.maxX), min($0.minY, envelope.minY),
                                max($0.maxY, envelope.maxY)
                            )
                        } ?? envelope
                }
            }
            for value in feature.values {
                switch value {
                case .text(let text): arguments.append(text)
                case .real(let number): arguments.append(number)
                case .integer(let number): arguments.append(number)
                case .null: arguments.append(nil)
                }
            }
            try insert.execute(arguments: StatementArguments(arguments))
        }

        try db.execute(
            sql: """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                layer.name, layer.geometryType == nil ? "attributes" : "features", layer.name, layer.description,
                box?.minX, box?.minY, box?.maxX, box?.maxY, layer.geometryType == nil ? nil : crs.srsID,
            ])
        guard let type = layer.geometryType else { return }
        try db.execute(
            sql: "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
            arguments: [layer.name, type.rawValue, crs.srsID])
        try writeSpatialIndex(layer.name, envelopes: envelopes, db)
    }

    /// The R-tree extension (GeoPackage 1.3, annex F.3): the index filled from the envelopes, then
    /// the triggers that keep it in step with later edits (they call the ST_ functions that GDAL
    /// and QGIS register, so they are created after the rows are in).
    private static func writeSpatialIndex(
        _ name: String, envelopes: [(Int64, (minX: Double, maxX: Double, minY: Double, maxY: Double))],
        _ db: Database
    ) throws {
        let index = quoted("rtree_\(name)_geom")
        let table = quoted(name)
        try db.execute(sql: "CREATE VIRTUAL TABLE \(index) USING rtree(id, minx, maxx, miny, maxy)")
        let insert = try db.makeStatement(sql: "INSERT INTO \(index) VALUES (?, ?, ?, ?, ?)")
        for (fid, box) in envelopes { try insert.execute(arguments: [fid, box.minX, box.maxX, box.minY, box.maxY]) }
        try db.execute(
            sql: """
                INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """, arguments: [name])
        let values = "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)"
        let trigger = { (suffix: String) in quoted("rtree_\(name)_geom_\(suffix)") }
        try db.execute(
            sql: """
                CREATE TRIGGER \(trigger("insert")) AFTER INSERT ON \(table)
                  WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
                BEGIN INSERT OR REPLACE INTO \(index) VALUES (\(values)); END;
                CREATE TRIGGER \(trigger("update1")) AFTER UPDATE OF geom ON \(table)
                  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
                BEGIN INSERT OR REPLACE INTO \(index) VALUES (\(values)); END;
                CREATE TRIGGER \(trigger("update2")) AFTER UPDATE OF geom ON \(table)
                  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
                BEGIN DELETE FROM \(index) WHERE id = OLD.fid; END;
                CREATE TRIGGER \(trigger("update3")) AFTER UPDATE ON \(table)
                  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
                BEGIN DELETE FROM \(index) WHERE id = OLD.fid; INSERT OR REPLACE INTO \(index) VALUES (\(values)); END;
                CREATE TRIGGER \(trigger("update4")) AFTER UPDATE ON \(table)
                  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
                BEGIN DELETE FROM \(index) WHERE id IN (OLD.fid, NEW.fid); END;
                CREATE TRIGGER \(trigger("delete")) AFTER DELETE ON \(table)
                  WHEN old.geom NOT NULL
                BEGIN DELETE FROM \(index) WHERE id = OLD.fid; END;
                """)
    }

    /// QGIS's `layer_styles` table, registered as an attribute table as QGIS itself does.
    private static func write(_ styles: [GeoPackageStyle], _ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE layer_styles (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),
                  f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN,
                  description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles');
                """)
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD,
                                          useAsDefault, description, owner)
                VALUES ('', '', ?, 'geom', ?, ?, ?, ?, ?, 'maillage')
                """)
        for style in styles {
            try insert.execute(arguments: [
                style.table, style.name, style.qml, style.sld, style.isDefault, style.description,
            ])
        }
    }
}
