import Foundation
import MaillageSim
import MaillageStore

/// A stored simulation run arranged for the report: territory figures, zone and actor values,
/// and the daily occupancy series.
public struct SimulationReading: Sendable {
    /// A territory-wide indicator: the mean over replications and its 95 % interval.
    public struct Figure: Sendable {
        /// The indicator's name (`gp_contacts_per_inhabitant`).
        public var name: String
        /// The mean over replications; nil when undefined.
        public var mean: Double?
        /// The lower bound of the 95 % interval.
        public var low: Double?
        /// The upper bound of the 95 % interval.
        public var high: Double?
    }

    /// The run's id, seed, replications and provenance.
    public let header: SimulationRunHeader
    /// The territory-wide indicators, by name.
    public let figures: [Figure]
    /// Indicator → zone id → mean value (NaN when undefined).
    public let zoneValues: [String: [String: Double]]
    /// Actor id → value name (`occupancy`, `contacts`) → mean.
    public let actorValues: [String: [String: Double]]
    /// One line per role found in the series (`hospital_beds.used`, `hospital_beds.offered`).
    public let occupancy: [OccupancyChart.Line]
    /// The start date and warm-up, read from the run's parameters.
    public let startDate: String?
    /// Days simulated before the start date and left out of the figures.
    public let warmUpDays: Int?

    /// Arranges a stored run's values and series for the report.
    public init(header: SimulationRunHeader, run: SimulationRun) {
        self.header = header
        var figures: [Figure] = []
        var zones: [String: [String: Double]] = [:]
        var actors: [String: [String: Double]] = [:]
        for value in run.values where value.replication == 0 {
            switch value.scope {
            case .territory:
                figures.append(Figure(name: value.name, mean: value.value, low: value.low, high: value.high))
            case .zone: break  // below, with the zone table's
            case .actor: actors[value.subjectID, default: [:]][value.name] = value.value ?? .nan
            }
        }
        run.forEachZoneMean { zone, name, value, _, _ in zones[name, default: [:]][zone] = value ?? .nan }
        self.figures = figures.sorted { $0.name < $1.name }
        zoneValues = zones
        actorValues = actors
        var byRole: [String: (used: [Double], offered: [Double])] = [:]
        for series in run.series {
            guard let dot = series.name.lastIndex(of: ".") else { continue }
            let role = String(series.name[..<dot])
            let part = series.name[series.name.index(after: dot)...]
            let values = series.values.map { $0 ?? .nan }
            if part == "used" { byRole[role, default: ([], [])].used = values }
            if part == "offered" { byRole[role, default: ([], [])].offered = values }
        }
        occupancy = byRole.filter { $0.value.used.count == $0.value.offered.count && !$0.value.used.isEmpty }
            .map { OccupancyChart.Line(role: $0.key, used: $0.value.used, offered: $0.value.offered) }
        // The stored parameters are the whole `SimulationParameters`, read as `simulate --params` reads a file.
        let parameters = try? ParameterFile.parse(Data(run.parameters.utf8))
        startDate = parameters?.startDate
        warmUpDays = parameters?.warmUpDays
    }

    /// The territory-wide indicator named `name`, if the run has it.
    public func figure(_ name: String) -> Figure? { figures.first { $0.name == name } }
}
