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
    /// Chronic prevalence, default age structure and GP-seeking behaviour.
    public var population: PopulationParameters
    /// How far patients go to each kind of provider.
    public var travel: TravelParameters
    /// How often each kind of need arises, by age band and chronic status.
    public var needs: NeedParameters
    /// GP consultations: capacity, working days, waiting tolerances.
    public var gp: GPParameters
    /// Specialist consultations and the planned admissions they lead to.
    public var specialist: SpecialistParameters
    /// Emergency departments: admissions, night arrivals, staffing and waits.
    public var emergency: EmergencyParameters
    /// Hospital beds and lengths of stay.
    public var hospital: HospitalParameters
    /// Where patients go when they leave hospital.
    public var discharge: DischargeParameters
    /// Home care (SSIAD, HAD) and nursing homes (EHPAD): delays, stays and default places.
    public var homeCare: HomeCareParameters
    /// GP follow-up after a hospital stay.
    public var followUp: FollowUpParameters
    /// Readmissions within 30 days and how follow-up changes them.
    public var readmission: ReadmissionParameters
    /// Settings of the indicators computed from the run.
    public var indicators: IndicatorParameters
    /// Occupancy of long-stay resources on the first simulated day.
    public var steadyState: SteadyStateParameters
    /// Weekly and yearly rhythms of urgent needs.
    public var rhythms: RhythmParameters

    enum CodingKeys: String, CodingKey {
        case startDate = "start_date"
        case warmUpDays = "warm_up_days"
        case population, travel, needs, gp, specialist,
            emergency, hospital, discharge
        case homeCare = "home_care"
        case followUp = "follow_up"
        case readmission, indicators
        case
            steadyState = "steady_state"
        case rhythms
    }
}
