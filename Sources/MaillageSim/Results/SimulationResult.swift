import MaillageCore

/// A run's indicators: territory-wide, per zone and per actor, means over replications with
/// their Student-t 95 % intervals when there are two replications or more.
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

    /// A 95 % interval over replications.
    public struct Interval: Sendable, Equatable {
        /// The lower bound.
        public var low: Double
        /// The upper bound.
        public var high: Double
    }

    /// One actor's activity, means over replications of each replication's value.
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
        /// The 95 % interval of each value above by its name (`contacts`, `occupancy`, a pressure
        /// name), from two replications on; none when fewer than two replications define the value.
        public var intervals: [String: Interval] = [:]

        /// The names of the values an actor row always carries, in order, before its pressure.
        public static let activityNames = ["contacts", "capacity_days", "used_days", "occupancy"]

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
    /// The half-widths of ``zoneColumns``' 95 % intervals, column by column and zone by zone (NaN
    /// where fewer than two replications define the value); empty with one replication.
    ///
    /// An interval is `mean ± halfWidth` (``zoneInterval(_:)``, ``StudentT/bounds(mean:halfWidth:)``); its bounds
    /// are made as they are written, so that 200,000 zones × 76 indicators are held once more,
    /// not twice.
    public var zoneHalfWidths: [[Double]]

    /// The 95 % interval bounds of zone column `column`, zone by zone; nil with one replication.
    public func zoneInterval(_ column: Int) -> (low: [Double], high: [Double])? {
        guard column < zoneHalfWidths.count else { return nil }
        let bounds = zip(zoneColumns[column].values, zoneHalfWidths[column]).map(StudentT.bounds)
        return (bounds.map(\.low), bounds.map(\.high))
    }
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

    init(network: consuming CareNetwork, request: SimulationRequest, replications: consuming [ReplicationResult]) {
        let zones = network.zoneCount
        let scale = 365 / Double(request.days)
        // Territory: sum the zones' tallies, derive, then add occupancies from the actors.
        var perReplication: [[(String, Double)]] = []
        for result in replications[...] {
            var sums = [Double](repeating: 0, count: Tally.count)
            for zone in 0..<zones {
                for index in 0..<Tally.count { sums[index] += result.zoneTally.value(index, zone: zone) }
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
        zoneIDs = network.territory.zones.map(\.id)
        actors = Self.actorRows(network: network, replications: replications)
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
        // Last, as the replications' only owner: one replication's tallies go as they are read.
        // The network's candidate lists and counts by zone and band go first.
        _ = consume network
        (zoneColumns, zoneHalfWidths) = Self.zoneSummaries(consume replications, zones: zones, yearScale: scale)
    }
}
