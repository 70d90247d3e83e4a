import Foundation
import GRDB

extension SimulationRun {
    /// Visits every zone mean of the run (replication 0): those given as ``values``, then the
    /// ``zoneTable``'s, as (zone id, indicator, value, low, high); nil where undefined.
    public func forEachZoneMean(_ body: (String, String, Double?, Double?, Double?) throws -> Void) rethrows {
        for value in values where value.scope == .zone && value.replication == 0 {
            try body(value.subjectID, value.name, value.value, value.low, value.high)
        }
        guard let table = zoneTable else { return }
        func defined(_ value: Double?) -> Double? { value.flatMap { $0.isNaN ? nil : $0 } }
        for column in table.columns {
            let (low, high) = (column.low, column.high)
            for zone in table.zoneIDs.indices {
                try body(
                    table.zoneIDs[zone], column.name, defined(column.values[zone]), defined(low?[zone]),
                    defined(high?[zone]))
            }
        }
    }
}

extension TerritoryDatabase {
    /// Inserts a run's zone table within the caller's transaction: its zone list, then one
    /// packed row per indicator (``TerritoryMigrator`` describes the layout).
    ///
    /// A table without zones stores nothing (it reads back as no table).
    static func insertZoneTable(_ table: SimulationRun.ZoneTable, run: Int64, into db: Database) throws {
        guard !table.zoneIDs.isEmpty else { return }
        for column in table.columns
        where column.values.count != table.zoneIDs.count
            || column.intervalLengths.contains(where: { $0 != table.zoneIDs.count })
        {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "zone column \(column.name) has not one value per zone (\(table.zoneIDs.count) zones)")
        }
        let zones = MultiRowInsert(db, head: "INSERT INTO simulation_zone(run_id, ordinal, zone_id) VALUES ", width: 3)
        try zones.run(table.zoneIDs.indices) { index, binder in
            try binder.bind(Int(run))
            try binder.bind(index)
            try binder.bind(table.zoneIDs[index])
        }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO simulation_zone_column(run_id, ordinal, name, zone_values, ci_low, ci_high)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        for (index, column) in table.columns.enumerated() {
            try insert.execute(arguments: [
                run, index, column.name, PackedColumn.blob(column.values[...]),
                column.low.map { PackedColumn.blob($0[...]) }, column.high.map { PackedColumn.blob($0[...]) },
            ])
        }
    }

    /// The zone table a run stored, or nil when it stored none.
    static func zoneTable(run: Int64, in db: Database) throws -> SimulationRun.ZoneTable? {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT name, zone_values, ci_low, ci_high FROM simulation_zone_column
                WHERE run_id = ? ORDER BY ordinal
                """, arguments: [run])
        guard !rows.isEmpty else { return nil }
        let zoneIDs = try String.fetchAll(
            db, sql: "SELECT zone_id FROM simulation_zone WHERE run_id = ? ORDER BY ordinal", arguments: [run])
        func doubles(_ data: Data?, _ field: String, of name: String) throws -> [Double]? {
            guard let data else { return nil }
            guard data.count == zoneIDs.count * MemoryLayout<Double>.stride else {
                throw DatabaseError(
                    resultCode: .SQLITE_CORRUPT,
                    message:
                        "simulation_zone_column: \(name).\(field) holds \(data.count) bytes, "
                        + "not 8 for each of the run's \(zoneIDs.count) zones"
                )
            }
            var values: [Double] = []
            values.reserveCapacity(zoneIDs.count)
            data.withUnsafeBytes { PackedColumn.append($0.baseAddress, count: zoneIDs.count, to: &values) }
            return values
        }
        return SimulationRun.ZoneTable(
            zoneIDs: zoneIDs,
            columns: try rows.map { row in
                let name: String = row["name"]
                return .init(
                    name: name, values: try doubles(row["zone_values"], "zone_values", of: name) ?? [],
                    low: try doubles(row["ci_low"], "ci_low", of: name),
                    high: try doubles(row["ci_high"], "ci_high", of: name))
            })
    }
}
