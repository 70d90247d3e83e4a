import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageStore

/// Runs a study from the command line: compute, write the file, store the run, report.
enum AccessRunner {
    static func run(_ request: AccessRequest, parameters: [String: String], input: StudyInput, options: AccessOptions, global: GlobalOptions) throws {
        try run(request, parameters: parameters, input: input, out: options.out,
                delimiter: options.delimiter.unicodeScalars.first!, json: options.json, global: global)
    }

    /// A study on the territory stored at `path`, stored there.
    static func run(
        _ request: AccessRequest, parameters: [String: String], database path: String, out: String,
        delimiter: Unicode.Scalar, json: Bool, global: GlobalOptions
    ) throws {
        try OutputGuard.check(output: out, role: "--out", against: OutputGuard.Input.database(path))
        try run(request, parameters: parameters, input: StudyInput(database: try TerritoryDatabase.open(at: path)),
                out: out, delimiter: delimiter, json: json, global: global)
    }

    /// A study on a database is stored there as an indicator run; one on CSV files only writes `out`.
    static func run(
        _ request: AccessRequest, parameters: [String: String], input: StudyInput, out: String,
        delimiter: Unicode.Scalar, json: Bool, global: GlobalOptions
    ) throws {
        let territory = input.territory
        let clock = ContinuousClock(), start = clock.now
        let result = try AccessStudy.run(request, on: territory)
        global.detail("computed \(result.method) for \(result.zoneIDs.count) zones and \(result.siteIDs.count) sites in \(clock.now - start)")
        for note in result.notes { global.status("note: \(note)") }

        var columns = result.columns.map { ZoneTable.Column(name: $0.name, values: .numbers($0.values)) }
        if let nearest = result.nearestSiteIDs { columns.insert(.init(name: "actor_id", values: .texts(nearest)), at: 1) }
        let table = ZoneTable(zoneIDs: result.zoneIDs, columns: columns)
        try ZoneTableWriter.write(table, to: out, zones: territory.zones, delimiter: delimiter)

        let runID = try input.database?.save(StudyRecord.run(result, parameters: parameters, territory: territory, table: table))
        let summary = StudyRecord.summaryText(result)
        if json {
            print(StudyRecord.json(result, runID: runID, out: out))
        } else {
            global.status("\(result.method): \(result.zoneIDs.count) zones, \(result.siteIDs.count) sites → \(out)\(runID.map { " (run \($0))" } ?? "")")
            if !summary.isEmpty { print(summary) }
        }
    }
}
