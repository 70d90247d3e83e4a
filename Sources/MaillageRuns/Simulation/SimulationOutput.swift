import Foundation
import MaillageCore
import MaillageFormats
import MaillageIO
import MaillageSim

/// The files a simulation writes: deterministic results, and provenance kept apart.
public enum SimulationOutput {
    /// Every file `write` and `writeProvenance` put into the results folder.
    public static let fileNames = [
        "territory.json", "zones.csv", "zones.geojson", "actors.csv", "parameters.json", "occupancy.csv",
        "provenance.json",
    ]

    /// territory.json, zones.csv, zones.geojson, actors.csv and parameters.json: the same bytes
    /// for the same territory, parameters, events, seed and replications.
    ///
    /// - Parameter alongside: work to do while the files are written (the stored run's record),
    ///   sharing the cores with them; its result is returned.
    @discardableResult
    public static func write<Other>(
        _ result: SimulationResult, request: SimulationRequest, to folder: String,
        alongside: () throws -> Other = {}
    ) throws -> Other {
        let url = URL(fileURLWithPath: folder)
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        let table = zoneTable(result)
        nonisolated(unsafe) var other: Other?
        // zones.geojson, the largest file by far (2.4 KB a zone), is one job; the other files another.
        try withoutActuallyEscaping(alongside) { work in
            try allAtOnce([
                { try ZoneTableWriter.write(table, to: path("zones.geojson"), zones: request.territory.zones) },
                {
                    try RunJSON.write(
                        SimulationSummary(result, request: request, runID: nil), to: path("territory.json"))
                    try ZoneTableWriter.write(table, to: path("zones.csv"), zones: request.territory.zones)
                    let sites = result.actors.map { site($0, intervals: request.replications >= 2) }
                    try SiteList(sites: sites).write(to: path("actors.csv"))
                    try TextFile.write(
                        ParameterFile.canonicalJSON(request.parameters, pretty: true) + "\n",
                        to: path("parameters.json"))
                    try writeOccupancy(result.occupancy, to: path("occupancy.csv"))
                },
                { other = try work() },
            ])
        }
        return other!
    }

    /// The suffixes of an interval's bounds, as in the GeoPackage's simulation layers.
    public static let intervalSuffixes = (low: "_ci_low", high: "_ci_high")

    /// zones.csv and zones.geojson: each indicator's mean, followed from two replications on by its
    /// 95 % interval in `NAME_ci_low` and `NAME_ci_high` (empty where fewer than two replications
    /// define the value); one replication writes the means alone, as before intervals existed.
    static func zoneTable(_ result: SimulationResult) -> ZoneTable {
        var columns: [ZoneTable.Column] = []
        for (index, column) in result.zoneColumns.enumerated() {
            columns.append(.init(name: column.name, values: .numbers(column.values)))
            if index < result.zoneHalfWidths.count {
                let halves = result.zoneHalfWidths[index]
                columns.append(
                    .init(
                        name: column.name + intervalSuffixes.low,
                        values: .bounds(means: column.values, halfWidths: halves, .low)))
                columns.append(
                    .init(
                        name: column.name + intervalSuffixes.high,
                        values: .bounds(means: column.values, halfWidths: halves, .high)))
            }
        }
        return ZoneTable(zoneIDs: result.zoneIDs, columns: columns)
    }

    /// An actor's line of actors.csv: each value followed, when `intervals`, by its bounds
    /// (`NAME_ci_low`, `NAME_ci_high`; empty when the value has no interval).
    static func site(_ row: SimulationResult.ActorRow, intervals: Bool) -> SiteList.Site {
        func measure(_ name: String, _ value: Double?) -> [(String, String)] {
            let cell = (name, value.map(number) ?? "")
            guard intervals else { return [cell] }
            let interval = row.intervals[name]
            return [
                cell, (name + intervalSuffixes.low, interval.map { number($0.low) } ?? ""),
                (name + intervalSuffixes.high, interval.map { number($0.high) } ?? ""),
            ]
        }
        let activity = zip(
            SimulationResult.ActorRow.activityNames, [row.contacts, row.capacityDays, row.usedDays, row.occupancy])
        let pressure = SimulationResult.ActorRow.pressureNames.map { name in
            (name, row.pressure.first { $0.name == name }?.value)
        }
        return SiteList.Site(
            id: row.actor.id, point: row.actor.point,
            properties: [("kind", row.actor.kind.rawValue)] + activity.flatMap { measure($0.0, $0.1) }
                + [("estimated_beds", row.actor.kind == .hospital ? (row.estimatedBeds ? "1" : "0") : "")]
                + pressure.flatMap { measure($0.0, $0.1) })
    }

    /// occupancy.csv: per day (0 = the start date) and role, capacity used and offered
    /// (territory totals, means over replications) and their ratio (empty when nothing is offered).
    public static func writeOccupancy(_ series: OccupancySeries, to path: String) throws {
        var rows: [[String]] = []
        for day in 0..<series.days {
            for line in series.lines {
                rows.append([
                    "\(day)", line.role.rawValue, number(line.used[day]), number(line.offered[day]),
                    number(line.occupancy(day: day)),
                ])
            }
        }
        try ZoneTableWriter.writeRows(header: ["day", "role", "used", "offered", "occupancy"], rows: rows, to: path)
    }

    /// When, with what and how long: not part of the byte-identical promise.
    public static func writeProvenance(
        to folder: String, runID: Int64, database: String, seconds: Double, threads: Int, agents: Int
    ) throws {
        let provenance = RunProvenance(
            [
                "run_id": .integer(runID), "database": .text(database), "wall_seconds": .number(seconds),
                "threads": .integer(Int64(threads)), "agents": .integer(Int64(agents)),
            ], withHost: true)
        try RunJSON.write(provenance, to: URL(fileURLWithPath: folder).appendingPathComponent("provenance.json").path)
    }

    private static func number(_ value: Double) -> String { value.isNaN ? "" : NumberText.format(value) }

    /// The main territory-wide indicators, one per line, with their intervals.
    public static func summaryText(_ result: SimulationResult) -> String {
        let names = [
            "gp_contacts_per_inhabitant", "emergency_visits_per_inhabitant", "admissions_per_inhabitant",
            "share_without_declared_gp", "unmet_needs_share", "follow_up_7_days_share", "readmission_30_days_share",
        ]
        return names.compactMap { name in
            guard let indicator = result.territory.first(where: { $0.name == name }) else { return nil }
            var line = String(format: "%-34@ %.4f", name as NSString, indicator.mean)
            if let low = indicator.low, let high = indicator.high {
                line += String(format: "  [%.4f, %.4f]", low, high)
            }
            return line
        }.joined(separator: "\n")
    }

    /// The event log for process mining: case_id, activity, timestamp, resource, zone.
    ///
    /// Timestamps are the start date plus the day, plus one second per earlier event of the
    /// same patient on that day, so that a patient's events keep their order.
    public static func writeEventLog(_ events: [EventLogRow], startDate: String, to path: String) throws {
        let parts = startDate.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        components.year = parts.first
        components.month = parts.count > 1 ? parts[1] : 1
        components.day = parts.count > 2 ? parts[2] : 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var rows: [[String]] = []
        rows.reserveCapacity(events.count)
        var previous: (Int, Int) = (-1, 0)
        var second = 0
        for row in events {
            second = (row.caseID, row.day) == previous ? second + 1 : 0
            previous = (row.caseID, row.day)
            let date = start.addingTimeInterval(Double(row.day) * 86_400 + Double(second))
            rows.append(["P\(row.caseID)", row.activity, formatter.string(from: date), row.resource, row.zone])
        }
        // The one CSV writer: RFC 4180 quoting (CR included) and CRLF line ends, like every other table.
        try ZoneTableWriter.writeRows(
            header: ["case_id", "activity", "timestamp", "resource", "zone"], rows: rows, to: path)
    }
}
