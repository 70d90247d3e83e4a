import MaillageCore

extension SimulationResult {
    /// One row per place of care: each value is the mean over replications of that replication's
    /// value (a ratio such as occupancy is taken per replication, as zone and territory indicators
    /// are), with its Student-t 95 % interval from two replications on.
    static func actorRows(network: CareNetwork, replications: [ReplicationResult]) -> [ActorRow] {
        network.territory.actors.enumerated().compactMap { index, actor in
            guard actor.kind.isPlaceOfCare else { return nil }
            let hospital = actor.kind == .hospital
            let perReplication = replications.map { values(of: index, kind: actor.kind, in: $0) }
            let names = ActorRow.activityNames + (hospital ? ActorRow.pressureNames : [])
            var means: [Double] = []
            var intervals: [String: Interval] = [:]
            for (position, name) in names.enumerated() {
                let summary = StudentT.summary(perReplication.map { $0[position] })
                means.append(summary.mean)
                if let low = summary.low, let high = summary.high { intervals[name] = Interval(low: low, high: high) }
            }
            var row = ActorRow(
                actor: actor, contacts: means[0], capacityDays: means[1], usedDays: means[2], occupancy: means[3])
            row.intervals = intervals
            if hospital {
                row.pressure = zip(ActorRow.pressureNames, means.dropFirst(ActorRow.activityNames.count)).map {
                    (name: $0.0, value: $0.1)
                }
                if let position = network.hospital.actors.firstIndex(of: index) {
                    row.estimatedBeds = network.bedsEstimated[position]
                }
            }
            return row
        }
    }

    /// One replication's values of an actor, in the order of ``ActorRow/activityNames`` then, for
    /// a hospital, ``ActorRow/pressureNames`` (NaN when undefined: no capacity, no arrival).
    private static func values(of index: Int, kind: ActorKind, in result: ReplicationResult) -> [Double] {
        let contacts = result.actorContacts[index]
        let capacity = result.actorCapacityDays[index]
        let used = result.actorUsedDays[index]
        let slotBased = [ActorKind.gp, .healthCentre, .msp, .specialist].contains(kind)
        let occupancy = capacity > 0 ? (slotBased ? contacts : used) / capacity : .nan
        guard kind == .hospital else { return [contacts, capacity, used, occupancy] }
        func value(_ what: ActorPressure) -> Double {
            result.actorPressure[index * ActorPressure.count + what.rawValue]
        }
        let arrivals = value(.arrivals)
        return [
            contacts, capacity, used, occupancy, arrivals,
            arrivals > 0 ? value(.waitMinutes) / arrivals : .nan,
            arrivals > 0 ? value(.leftWithoutBeingSeen) / arrivals : .nan,
            value(.boardingPatients), value(.boardingHours), value(.transfersOut), value(.transfersIn),
            value(.patientsLost), value(.dischargesDelayed), value(.dischargeDelayDays),
        ]
    }
}
