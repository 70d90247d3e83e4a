import MaillageCore

/// A run's indicators: territory-wide with 95 % intervals over replications, per zone and
/// per actor as means over replications.
public struct SimulationResult: Sendable {
    /// One territory-wide indicator: the mean over replications and its Student-t 95 % interval
    /// (nil with one replication), and each replication's value.
    public struct Indicator: Sendable {
        /// The indicator's name (`gp_contacts_per_inhabitant`).
        public var name: String
        /// The mean over replications.
        public var mean: Double
        /// The lower bound of the 95 % interval.
        public var low: Double?
        /// The upper bound of the 95 % interval.
        public var high: Double?
        /// Each replication's value, in replication order.
        public var values: [Double]
    }

    /// One actor's activity, means over replications.
    public struct ActorRow: Sendable {
        /// The actor.
        public var actor: Actor
        /// Patient contacts the actor had.
        public var contacts: Double
        /// What it offered: slots for GPs and specialists, bed- or place-days otherwise.
        public var capacityDays: Double
        /// What of that was used, in the same unit.
        public var usedDays: Double
        /// Share of capacity used: slots for GPs and specialists, bed- or place-days otherwise (NaN without capacity).
        public var occupancy: Double
        /// Hospitals: whether the beds are an estimate (the data had none).
        public var estimatedBeds: Bool = false
        /// Emergency departments and hospitals: crowding, boarding, transfers and delayed discharges
        /// (names as in ``ActorRow/pressureNames``, means over replications; NaN when undefined).
        public var pressure: [(name: String, value: Double)] = []

        /// The pressure values an actor row carries, in order.
        public static let pressureNames = [
            "emergency_arrivals", "emergency_wait_minutes_mean", "left_without_being_seen_share",
            "boarding_patients", "boarding_hours", "transfers_out", "transfers_in", "patients_lost",
            "discharges_delayed", "discharge_delay_days",
        ]
    }

    /// The territory-wide indicators.
    public var territory: [Indicator]
    /// The zones, in the territory's order; zone columns follow it.
    public var zoneIDs: [String]
    /// Zone indicators, means over replications (NaN = undefined).
    public var zoneColumns: [(name: String, values: [Double])]
    /// One row per actor.
    public var actors: [ActorRow]
    /// The number of simulated people (after sampling).
    public var agents: Int
    /// Calendar events processed, summed over replications.
    public var events: Int
    /// The first replication's trajectory events, when the request asked for them.
    public var eventLog: [EventLogRow]?
    /// Daily use and offer of each kind of capacity, the mean over replications.
    public var occupancy: OccupancySeries

    /// The mean of the territory-wide indicator `name`, if the run has it.
    public func value(_ name: String) -> Double? { territory.first { $0.name == name }?.mean }

    init(network: CareNetwork, request: SimulationRequest, replications: [ReplicationResult]) {
        let zones = network.zoneCount
        let scale = 365 / Double(request.days)
        // Territory: sum the zones' tallies, derive, then add occupancies from the actors.
        var perReplication: [[(String, Double)]] = []
        for result in replications {
            var sums = [Double](repeating: 0, count: Tally.count)
            for zone in 0..<zones {
                for index in 0..<Tally.count { sums[index] += result.zoneTally[zone * Tally.count + index] }
            }
            var indicators = IndicatorFormulas.derive(sums, yearScale: scale)
            indicators += IndicatorFormulas.occupancies(result, network: network)
            perReplication.append(indicators)
        }
        territory = perReplication[0].indices.map { index in
            let values = perReplication.map { $0[index].1 }
            let summary = StudentT.summary(values)
            return Indicator(
                name: perReplication[0][index].0, mean: summary.mean, low: summary.low, high: summary.high,
                values: values)
        }
        // Zones: derive per replication, then average (undefined values left out).
        zoneIDs = network.territory.zones.map(\.id)
        var columns: [(name: String, values: [Double])] = []
        var sums: [[Double]] = []
        var counts: [[Double]] = []
        for result in replications {
            for zone in 0..<zones {
                let slice = Array(result.zoneTally[(zone * Tally.count)..<((zone + 1) * Tally.count)])
                let derived = IndicatorFormulas.derive(slice, yearScale: scale)
                if columns.isEmpty {
                    columns = derived.map { ($0.0, []) }
                    sums = derived.map { _ in [Double](repeating: 0, count: zones) }
                    counts = sums
                }
                for (index, (_, value)) in derived.enumerated() where !value.isNaN {
                    sums[index][zone] += value
                    counts[index][zone] += 1
                }
            }
        }
        zoneColumns = columns.indices.map { index in
            (
                columns[index].name,
                (0..<zones).map { counts[index][$0] > 0 ? sums[index][$0] / counts[index][$0] : .nan }
            )
        }
        let n = Double(replications.count)
        actors = network.territory.actors.enumerated().compactMap { index, actor in
            let contacts = replications.reduce(0) { $0 + $1.actorContacts[index] } / n
            let capacity = replications.reduce(0) { $0 + $1.actorCapacityDays[index] } / n
            let used = replications.reduce(0) { $0 + $1.actorUsedDays[index] } / n
            let slotBased = [ActorKind.gp, .healthCentre, .msp, .specialist].contains(actor.kind)
            let occupancy = capacity > 0 ? (slotBased ? contacts : used) / capacity : .nan
            guard actor.kind.isPlaceOfCare else { return nil }
            var row = ActorRow(
                actor: actor, contacts: contacts, capacityDays: capacity, usedDays: used, occupancy: occupancy)
            if actor.kind == .hospital {
                func mean(_ what: ActorPressure) -> Double {
                    replications.reduce(0) { $0 + $1.actorPressure[index * ActorPressure.count + what.rawValue] } / n
                }
                let arrivals = mean(.arrivals)
                let values = [
                    arrivals, arrivals > 0 ? mean(.waitMinutes) / arrivals : .nan,
                    arrivals > 0 ? mean(.leftWithoutBeingSeen) / arrivals : .nan,
                    mean(.boardingPatients), mean(.boardingHours), mean(.transfersOut), mean(.transfersIn),
                    mean(.patientsLost), mean(.dischargesDelayed), mean(.dischargeDelayDays),
                ]
                row.pressure = Array(zip(ActorRow.pressureNames, values)).map { (name: $0.0, value: $0.1) }
                if let position = network.hospital.actors.firstIndex(of: index) {
                    row.estimatedBeds = network.bedsEstimated[position]
                }
            }
            return row
        }
        occupancy = OccupancySeries(meanOf: replications.map(\.series), days: request.days)
        agents = replications[0].agents
        events = replications.reduce(0) { $0 + $1.events }
        eventLog = replications[0].log.map { rows in
            rows.map { row in
                EventLogRow(
                    caseID: Int(row.agent), day: Int(row.day) - request.parameters.warmUpDays,
                    activity: row.activity.name,
                    resource: row.actor >= 0 ? network.territory.actors[Int(row.actor)].id : "",
                    zone: network.territory.zones[Int(row.zone)].id)
            }
        }
    }
}
