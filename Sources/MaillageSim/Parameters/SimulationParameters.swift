/// Every rate, probability and distribution the simulation uses, with documented defaults.
///
/// A parameter file (JSON) overrides any subset of these values; keys are snake_case and
/// nested as in ``SimulationParameters/defaults`` (see `data/simulation-parameters.json` for each
/// value's order of magnitude and source). Values per age band are keyed by the band's id
/// (`0-14` … `75+`). A run stores the complete set it used.
public struct SimulationParameters: Sendable, Hashable, Codable {
    /// The first counted day (ISO date); event dates count from it.
    public var startDate: String
    /// Days simulated before `start_date` and not counted, so that beds and home care fill up.
    public var warmUpDays: Int
    public var population: PopulationParameters
    public var travel: TravelParameters
    public var needs: NeedParameters
    public var gp: GPParameters
    public var specialist: SpecialistParameters
    public var emergency: EmergencyParameters
    public var hospital: HospitalParameters
    public var discharge: DischargeParameters
    public var homeCare: HomeCareParameters
    public var followUp: FollowUpParameters
    public var readmission: ReadmissionParameters
    public var indicators: IndicatorParameters
    /// Occupancy of long-stay resources on the first simulated day.
    public var steadyState: SteadyStateParameters
    /// Weekly and yearly rhythms of urgent needs.
    public var rhythms: RhythmParameters

    enum CodingKeys: String, CodingKey {
        case startDate = "start_date", warmUpDays = "warm_up_days", population, travel, needs, gp, specialist,
             emergency, hospital, discharge, homeCare = "home_care", followUp = "follow_up", readmission, indicators,
             steadyState = "steady_state", rhythms
    }
}
