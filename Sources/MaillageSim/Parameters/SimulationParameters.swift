/// Every rate, probability and distribution the simulation uses, with documented defaults.
///
/// A parameter file (JSON) overrides any subset of these values; keys are snake_case and
/// nested as in ``SimulationParameters/defaults`` (see `docs/simulation-parameters.md` for each
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

    enum CodingKeys: String, CodingKey {
        case startDate = "start_date", warmUpDays = "warm_up_days", population, travel, needs, gp, specialist,
             emergency, hospital, discharge, homeCare = "home_care", followUp = "follow_up", readmission, indicators
    }
}

/// A value per age band id (`0-14`, `75+`).
public typealias BandValues = [String: Double]

public struct PopulationParameters: Sendable, Hashable, Codable {
    /// Share of each age band living with a chronic condition (an ALD or equivalent).
    public var chronicPrevalence: BandValues
    /// Age structure used for zones whose population has no age bands.
    public var defaultAgeShares: BandValues
    /// Share of people who never look for a declared GP.
    public var shareNotSeekingGP: Double
    /// GP list places per FTE when a GP has no `list_size` capacity.
    public var listSizePerFTE: Double

    enum CodingKeys: String, CodingKey {
        case chronicPrevalence = "chronic_prevalence", defaultAgeShares = "default_age_shares",
             shareNotSeekingGP = "share_not_seeking_gp", listSizePerFTE = "list_size_per_fte"
    }
}

public struct TravelParameters: Sendable, Hashable, Codable {
    /// Farthest GP a patient declares or consults, minutes.
    public var gpLimitMinutes: Double
    public var specialistLimitMinutes: Double
    public var emergencyLimitMinutes: Double
    public var hospitalLimitMinutes: Double
    public var pharmacyLimitMinutes: Double
    public var ehpadLimitMinutes: Double
    /// How many of the nearest providers of a kind a patient tries, at most.
    public var maxCandidates: Int

    enum CodingKeys: String, CodingKey {
        case gpLimitMinutes = "gp_limit_minutes", specialistLimitMinutes = "specialist_limit_minutes",
             emergencyLimitMinutes = "emergency_limit_minutes", hospitalLimitMinutes = "hospital_limit_minutes",
             pharmacyLimitMinutes = "pharmacy_limit_minutes", ehpadLimitMinutes = "ehpad_limit_minutes",
             maxCandidates = "max_candidates"
    }
}

/// Yearly rates of one kind of need, for people without and with a chronic condition.
public struct NeedRate: Sendable, Hashable, Codable {
    public var ratePerYear: BandValues
    public var ratePerYearChronic: BandValues

    enum CodingKeys: String, CodingKey {
        case ratePerYear = "rate_per_year", ratePerYearChronic = "rate_per_year_chronic"
    }
}

public struct NeedParameters: Sendable, Hashable, Codable {
    public var chronicFollowUp: NeedRate
    public var acuteMinor: NeedRate
    public var acuteUrgent: NeedRate
    public var specialistReferral: NeedRate
    public var prescription: NeedRate

    enum CodingKeys: String, CodingKey {
        case chronicFollowUp = "chronic_follow_up", acuteMinor = "acute_minor", acuteUrgent = "acute_urgent",
             specialistReferral = "specialist_referral", prescription
    }
}

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

    enum CodingKeys: String, CodingKey {
        case consultationsPerFTEDay = "consultations_per_fte_day", workingDaysPerWeek = "working_days_per_week",
             toleranceChronicDays = "tolerance_chronic_days", toleranceAcuteDays = "tolerance_acute_days",
             toleranceFollowUpDays = "tolerance_follow_up_days",
             acuteToEmergencyWithoutSlot = "acute_to_emergency_without_slot",
             chronicToEmergencyWithoutSlot = "chronic_to_emergency_without_slot"
    }
}

public struct SpecialistParameters: Sendable, Hashable, Codable {
    public var consultationsPerFTEDay: Double
    public var toleranceDays: Int
    /// Probability that a specialist contact leads to a planned (elective) admission.
    public var electiveAdmissionProbability: Double
    /// Days from the specialist contact to the planned admission.
    public var electiveAdmissionDelay: Distribution

    enum CodingKeys: String, CodingKey {
        case consultationsPerFTEDay = "consultations_per_fte_day", toleranceDays = "tolerance_days",
             electiveAdmissionProbability = "elective_admission_probability",
             electiveAdmissionDelay = "elective_admission_delay"
    }
}

public struct EmergencyParameters: Sendable, Hashable, Codable {
    /// Probability that an urgent emergency visit ends in an admission, by age band.
    public var admissionProbability: BandValues
    /// Visits a department takes in a day, as a multiple of its `ed_visits_per_day` (or of the yearly count / 365).
    public var capacityFactor: Double
    /// Visits per day for a department with no visit count.
    public var defaultVisitsPerDay: Double
    /// Share of visits arriving at night, sent on when a department closes at night.
    public var nightShare: Double

    enum CodingKeys: String, CodingKey {
        case admissionProbability = "admission_probability", capacityFactor = "capacity_factor",
             defaultVisitsPerDay = "default_visits_per_day", nightShare = "night_share"
    }
}

public struct HospitalParameters: Sendable, Hashable, Codable {
    /// Beds of a hospital with no `beds` capacity.
    public var defaultBeds: Double
    /// Length of stay after an emergency admission, days.
    public var lengthOfStay: Distribution
    /// Length of a planned stay, days.
    public var electiveLengthOfStay: Distribution

    enum CodingKeys: String, CodingKey {
        case defaultBeds = "default_beds", lengthOfStay = "length_of_stay", electiveLengthOfStay = "elective_length_of_stay"
    }
}

public struct DischargeParameters: Sendable, Hashable, Codable {
    /// Probability of leaving hospital with home care (SSIAD or HAD), by age band.
    public var homeCareProbability: BandValues
    /// Probability of leaving hospital for an EHPAD, by age band.
    public var ehpadProbability: BandValues
    /// Share of home-care discharges that need HAD rather than SSIAD.
    public var hadShare: Double

    enum CodingKeys: String, CodingKey {
        case homeCareProbability = "home_care_probability", ehpadProbability = "ehpad_probability", hadShare = "had_share"
    }
}

public struct HomeCareParameters: Sendable, Hashable, Codable {
    /// Days from discharge to the start of home care when the hospital has a discharge agreement with the service.
    public var delayWithAgreement: Distribution
    /// The same without an agreement.
    public var delayWithoutAgreement: Distribution
    public var ssiadStay: Distribution
    public var hadStay: Distribution
    public var ehpadStay: Distribution
    public var defaultSSIADPlaces: Double
    public var defaultHADPlaces: Double
    public var defaultEHPADPlaces: Double

    enum CodingKeys: String, CodingKey {
        case delayWithAgreement = "delay_with_agreement", delayWithoutAgreement = "delay_without_agreement",
             ssiadStay = "ssiad_stay", hadStay = "had_stay", ehpadStay = "ehpad_stay",
             defaultSSIADPlaces = "default_ssiad_places", defaultHADPlaces = "default_had_places",
             defaultEHPADPlaces = "default_ehpad_places"
    }
}

public struct FollowUpParameters: Sendable, Hashable, Codable {
    /// Probability that a GP follow-up is arranged when the hospital and the patient's GP (or its CPTS) are linked.
    public var probabilityLinked: Double
    public var probabilityUnlinked: Double
    /// Days from discharge to the arranged follow-up's target day.
    public var delayLinked: Distribution
    public var delayUnlinked: Distribution

    enum CodingKeys: String, CodingKey {
        case probabilityLinked = "probability_linked", probabilityUnlinked = "probability_unlinked",
             delayLinked = "delay_linked", delayUnlinked = "delay_unlinked"
    }
}

public struct ReadmissionParameters: Sendable, Hashable, Codable {
    /// Probability of a readmission within 30 days for a patient seen by a GP within 7 days, by age band.
    public var probability30Days: BandValues
    /// Multiplier of that risk when no GP saw the patient within 7 days.
    public var multiplierWithoutFollowUp: Double

    enum CodingKeys: String, CodingKey {
        case probability30Days = "probability_30_days", multiplierWithoutFollowUp = "multiplier_without_follow_up"
    }
}

public struct IndicatorParameters: Sendable, Hashable, Codable {
    /// Patients with fewer GP visits than this are left out of the continuity indices.
    public var continuityMinimumVisits: Int

    enum CodingKeys: String, CodingKey {
        case continuityMinimumVisits = "continuity_minimum_visits"
    }
}
