import Foundation
import MaillageAccess
import MaillageIO
import MaillageStore

/// Runs a study from the command line: load, compute, write the file, store the run, report.
enum AccessRunner {
    static func run(_ request: AccessRequest, parameters: [String: String], options: AccessOptions, global: GlobalOptions) throws {
        try run(request, parameters: parameters, database: options.db, out: options.out,
                delimiter: options.delimiter.unicodeScalars.first!, json: options.json, global: global)
    }

    static func run(
        _ request: AccessRequest, parameters: [String: String], database path: String, out: String,
        delimiter: Unicode.Scalar, json: Bool, global: GlobalOptions
    ) throws {
        try OutputGuard.check(output: out, role: "--out", against: OutputGuard.Input.database(path))
        let database = try TerritoryDatabase.open(at: path)
        let territory = try database.loadTerritory()
        let clock = ContinuousClock(), start = clock.now
        let result = try AccessStudy.run(request, on: territory)
        global.detail("computed \(result.method) for \(result.zoneIDs.count) zones and \(result.siteIDs.count) sites in \(clock.now - start)")
        for note in result.notes { global.status("note: \(note)") }

        var columns = result.columns.map { ZoneTable.Column(name: $0.name, values: .numbers($0.values)) }
        if let nearest = result.nearestSiteIDs { columns.insert(.init(name: "actor_id", values: .texts(nearest)), at: 1) }
        let table = ZoneTable(zoneIDs: result.zoneIDs, columns: columns)
        try ZoneTableWriter.write(table, to: out, zones: territory.zones, delimiter: delimiter)

        let runID = try database.save(StudyRecord.run(result, parameters: parameters, territory: territory, table: table))
        let summary = StudyRecord.summaryText(result)
        if json {
            print(StudyRecord.json(result, runID: runID, out: out))
        } else {
            global.status("\(result.method): \(result.zoneIDs.count) zones, \(result.siteIDs.count) sites → \(out) (run \(runID))")
            if !summary.isEmpty { print(summary) }
        }
    }
}
