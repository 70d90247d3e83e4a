/// One indicator's values in one job: what a scenario folds and what an alternative pairs
/// with the baseline.
struct SeriesValues: Sendable {
    var name: String
    var source: IndicatorSeries.Source
    /// The territory-wide value(s) of this job.
    var territory: [Double]
    /// One value per zone, in the scenario's zone order, when the indicator is kept per zone.
    var zones: [Double]?

    func matches(_ other: SeriesValues) -> Bool { name == other.name && source == other.source }

    /// A job's indicators, accessibility first (replication 0 only) then the simulation's,
    /// checked against the scenario's zone count so that a damaged shard cannot crash a merge.
    static func of(_ result: JobResult, zoneCount: Int, file: String) throws -> [SeriesValues] {
        func damaged(_ what: String) -> ScenarioError {
            ScenarioError(
                file: file, reason: "the results of \(result.job) are inconsistent (\(what)); run that job again")
        }
        var values: [SeriesValues] = []
        for access in result.access {
            guard access.zones.values.count == zoneCount else {
                throw damaged("\(access.label) has \(access.zones.values.count) zone values for \(zoneCount) zones")
            }
            values.append(
                SeriesValues(
                    name: access.label, source: .access, territory: access.territory.values, zones: access.zones.values)
            )
        }
        guard let simulation = result.simulation else { return values }
        guard simulation.territoryNames.count == simulation.territory.values.count,
            simulation.zoneNames.count == simulation.zones.count
        else {
            throw damaged("indicator names and values do not match")
        }
        for column in simulation.zones where column.values.count != zoneCount {
            throw damaged("a zone indicator has \(column.values.count) values for \(zoneCount) zones")
        }
        for (position, name) in simulation.territoryNames.enumerated() {
            let zones = simulation.zoneNames.firstIndex(of: name).map { simulation.zones[$0].values }
            values.append(
                SeriesValues(
                    name: name, source: .simulation, territory: [simulation.territory.values[position]], zones: zones))
        }
        return values
    }
}
