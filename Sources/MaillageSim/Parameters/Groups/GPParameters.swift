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
    public var retirementRatePerYear: Double
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
        case
            closureDaysBeforePatientsLeave = "closure_days_before_patients_leave"
    }
}
