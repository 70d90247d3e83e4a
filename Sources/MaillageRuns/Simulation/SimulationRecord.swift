import Foundation
import MaillageCore
import MaillageSim
import MaillageStore

/// How a simulation is stored: the run's parameters, events, seed, and its values.
public enum SimulationRecord {
    /// A duration in seconds, as provenance records it.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The simulation run stored in the database: parameters, events, seed, values and daily series.
    public static func run(_ result: SimulationResult, request: SimulationRequest, eventsJSON: String) -> SimulationRun
    {
        // Built in the store's primary-key order (scope, subject, replication, name; text by
        // bytes), so that saving appends to the b-tree instead of rewriting its pages; the zone
        // values as columns (the store writes them zone by zone), not one `Value` each.
        var territory: [SimulationRun.Value] = []
        for indicator in result.territory {
            territory.append(
                .init(
                    scope: .territory, subjectID: "", replication: 0, name: indicator.name,
                    value: indicator.mean, low: indicator.low, high: indicator.high))
            for (index, value) in indicator.values.enumerated() {
                territory.append(
                    .init(scope: .territory, subjectID: "", replication: index + 1, name: indicator.name, value: value))
            }
        }
        var actors: [SimulationRun.Value] = []
        for row in result.actors {
            let measures =
                [
                    ("contacts", row.contacts), ("capacity_days", row.capacityDays), ("used_days", row.usedDays),
                    ("occupancy", row.occupancy),
                ]
                + row.pressure.map { ($0.name, $0.value) }
            for (name, value) in measures {
                let interval = row.intervals[name]
                actors.append(
                    .init(
                        scope: .actor, subjectID: row.actor.id, replication: 0, name: name, value: value,
                        low: interval?.low, high: interval?.high))
            }
        }
        let values = actors.sorted { $0.precedes($1) } + territory.sorted { $0.precedes($1) }
        let zoneTable = SimulationRun.ZoneTable(
            zoneIDs: result.zoneIDs,
            columns: result.zoneColumns.enumerated().map { index, column in
                index < result.zoneHalfWidths.count
                    ? .init(name: column.name, values: column.values, halfWidths: result.zoneHalfWidths[index])
                    : .init(name: column.name, values: column.values)
            })
        let parameters = ParameterFile.canonicalJSON(request.parameters)
        return SimulationRun(
            parameters: parameters, events: eventsJSON, days: request.days, seed: String(request.seed),
            replications: request.replications, sample: request.sample,
            inputsFingerprint: fingerprint(request.territory, extra: [parameters, eventsJSON]), values: values,
            series: result.occupancy.lines.flatMap { line in
                [
                    SimulationRun.Series(name: line.role.rawValue + ".used", values: line.used),
                    SimulationRun.Series(name: line.role.rawValue + ".offered", values: line.offered),
                ]
            },
            zoneTable: zoneTable
        )
    }

    /// The inputs fingerprint of a simulation: the territory and the run's parameters and events.
    public static func fingerprint(_ territory: Territory, extra: [String]) -> String {
        InputsFingerprint.territory(territory, extra: extra)
    }
}
