import MaillageFormats

/// GP consultations: how many a GP offers, when, and how long patients wait for one.
public struct GPParameters: Sendable, Hashable, Codable {
    /// Consultations per FTE per working day when a GP has no `consultations_per_day`.
    public var consultationsPerFTEDay: Double
    /// Working days per week (days 6 and 7 of each week after `start_date` have no slots when 5).
    public var workingDaysPerWeek: Int
    /// Days a patient waits at most for a chronic follow-up.
    public var toleranceChronicDays: Int
    /// Days a patient waits at most for an acute minor need.
    public var toleranceAcuteDays: Int
    /// Days allowed to book a post-discharge follow-up after its target day.
    public var toleranceFollowUpDays: Int
    /// Probability that an acute minor need with no GP slot goes to an emergency department (avoidable).
    public var acuteToEmergencyWithoutSlot: Double
    /// The same for a chronic follow-up.
    public var chronicToEmergencyWithoutSlot: Double
    /// Days before a patient whose GP left looks for a new one (then again after another such delay while none has room).
    public var reattachmentDelay: Distribution
    /// GPs retiring per GP and year from the start date (0 = none; dated departures are scenario events).
    /// GPs whose practice start year is unknown, or all when ``retirementRateByYearsInPractice`` is nil.
    public var retirementRatePerYear: Double
    /// Retirements per GP and year by years in practice, for GPs whose practice start year is
    /// known: a band's rate (the value) applies from its first year in practice (the key, `"35"`)
    /// to the next band's, and none before the first band; nil (the default) = the flat rate for all.
    /// Written as null when unset, so that the defaults' object has the key and a parameter file
    /// may set it (unknown keys are refused).
    @NullEncoded public var retirementRateByYearsInPractice: [String: Double]?
    /// A GP closed for at least this many days loses its patients, who look for another.
    public var closureDaysBeforePatientsLeave: Int

    enum CodingKeys: String, CodingKey {
        case consultationsPerFTEDay = "consultations_per_fte_day"
        case workingDaysPerWeek = "working_days_per_week"
        case
            toleranceChronicDays = "tolerance_chronic_days"
        case toleranceAcuteDays = "tolerance_acute_days"
        case
            toleranceFollowUpDays = "tolerance_follow_up_days"
        case
            acuteToEmergencyWithoutSlot = "acute_to_emergency_without_slot"
        case
            chronicToEmergencyWithoutSlot = "chronic_to_emergency_without_slot"
        case
            reattachmentDelay = "reattachment_delay"
        case retirementRatePerYear = "retirement_rate_per_year"
        case retirementRateByYearsInPractice = "retirement_rate_by_years_in_practice"
        case
            closureDaysBeforePatientsLeave = "closure_days_before_patients_leave"
    }
}

extension GPParameters {
    /// The bands of ``retirementRateByYearsInPractice`` by first year, ascending (empty when unset).
    public var retirementBands: [(fromYears: Int, ratePerYear: Double)] {
        (retirementRateByYearsInPractice ?? [:]).compactMap { key, rate in Int(key).map { ($0, rate) } }
            .sorted { $0.fromYears < $1.fromYears }
    }
}
