import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageStore

/// Runs an indicator study: compute it, write the results file, store the run.
public enum StudyRunner {
    /// What a study produced: the result, the stored run's id, and what the command prints.
    public struct Outcome {
        /// The study's result.
        public var result: AccessStudy.Result
        /// The stored run; nil for a study on CSV files.
        public var runID: Int64?
        /// What `--json` prints.
        public var summary: StudySummary
        /// The coverage sentence (empty for other methods).
        public var text: String
    }

    /// A study on the territory stored at `path`, stored there.
    public static func run(
        _ request: AccessRequest, parameters: StudyParameters, database path: String, out: String,
        delimiter: Unicode.Scalar = ",", log: RunLog = .silent
    ) throws -> Outcome {
        try OutputGuard.check(output: out, role: "output", against: OutputGuard.Input.database(path))
        let input = try StudyInput(database: try TerritoryDatabase.open(at: path))
        return try run(request, parameters: parameters, input: input, out: out, delimiter: delimiter, log: log)
    }

    /// A study on a database is stored there as an indicator run; one on CSV files only writes `out`.
    public static func run(
        _ request: AccessRequest, parameters: StudyParameters, input: StudyInput, out: String,
        delimiter: Unicode.Scalar = ",", log: RunLog = .silent
    ) throws -> Outcome {
        let territory = input.territory
        let clock = ContinuousClock()
        let start = clock.now
        let result = try AccessStudy.run(request, on: territory)
        log.detail(
            "computed \(result.method) for \(result.zoneIDs.count) zones and \(result.siteIDs.count) sites "
                + "in \(clock.now - start)")
        for note in result.notes { log.status("note: \(note)") }

        var columns = result.columns.map { ZoneTable.Column(name: $0.name, values: .numbers($0.values)) }
        if let nearest = result.nearestSiteIDs {
            columns.insert(.init(name: "actor_id", values: .texts(nearest)), at: 1)
        }
        let table = ZoneTable(zoneIDs: result.zoneIDs, columns: columns)
        // The record (its inputs' fingerprint formats every zone) is made while the file is
        // written; it is stored only once the file is.
        let (_, record) = try bothAtOnce(
            { try ZoneTableWriter.write(table, to: out, zones: territory.zones, delimiter: delimiter) },
            { input.database == nil ? nil : StudyRecord.run(result, parameters: parameters, territory: territory) })
        let runID = try record.flatMap { try input.database?.save($0) }
        return Outcome(
            result: result, runID: runID, summary: StudySummary(result, runID: runID, out: out),
            text: StudyRecord.summaryText(result))
    }
}
