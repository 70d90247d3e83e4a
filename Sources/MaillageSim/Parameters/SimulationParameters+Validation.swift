import Foundation

extension SimulationParameters {
    /// Checks every value's range, naming the parameter by its dotted path in the file.
    public func validate() throws {
        _ = try startDay()
        try Check.integer(warmUpDays, "warm_up_days", in: 0...3_650)
        try Check.bands(population.chronicPrevalence, "population.chronic_prevalence", probability: true)
        try Check.bands(population.defaultAgeShares, "population.default_age_shares", probability: true)
        try Check.probability(population.shareNotSeekingGP, "population.share_not_seeking_gp")
        try Check.positive(population.listSizePerFTE, "population.list_size_per_fte")
        for (name, value) in [("gp", travel.gpLimitMinutes), ("specialist", travel.specialistLimitMinutes),
                              ("emergency", travel.emergencyLimitMinutes), ("hospital", travel.hospitalLimitMinutes),
                              ("pharmacy", travel.pharmacyLimitMinutes), ("ehpad", travel.ehpadLimitMinutes)] {
            try Check.positive(value, "travel.\(name)_limit_minutes")
        }
        try Check.integer(travel.maxCandidates, "travel.max_candidates", in: 1...250)
        for (name, need) in [("chronic_follow_up", needs.chronicFollowUp), ("acute_minor", needs.acuteMinor),
                             ("acute_urgent", needs.acuteUrgent), ("specialist_referral", needs.specialistReferral),
                             ("prescription", needs.prescription)] {
            try Check.bands(need.ratePerYear, "needs.\(name).rate_per_year", probability: false)
            try Check.bands(need.ratePerYearChronic, "needs.\(name).rate_per_year_chronic", probability: false)
        }
        try Check.positive(gp.consultationsPerFTEDay, "gp.consultations_per_fte_day")
        try Check.integer(gp.workingDaysPerWeek, "gp.working_days_per_week", in: 1...7)
        try Check.integer(gp.toleranceChronicDays, "gp.tolerance_chronic_days", in: 0...365)
        try Check.integer(gp.toleranceAcuteDays, "gp.tolerance_acute_days", in: 0...365)
        try Check.integer(gp.toleranceFollowUpDays, "gp.tolerance_follow_up_days", in: 0...365)
        try Check.probability(gp.acuteToEmergencyWithoutSlot, "gp.acute_to_emergency_without_slot")
        try Check.probability(gp.chronicToEmergencyWithoutSlot, "gp.chronic_to_emergency_without_slot")
        try Check.positive(specialist.consultationsPerFTEDay, "specialist.consultations_per_fte_day")
        try Check.integer(specialist.toleranceDays, "specialist.tolerance_days", in: 0...365)
        try Check.probability(specialist.electiveAdmissionProbability, "specialist.elective_admission_probability")
        try specialist.electiveAdmissionDelay.validate("specialist.elective_admission_delay")
        try Check.bands(emergency.admissionProbability, "emergency.admission_probability", probability: true)
        try Check.positive(emergency.capacityFactor, "emergency.capacity_factor")
        try Check.positive(emergency.defaultVisitsPerDay, "emergency.default_visits_per_day")
        try Check.probability(emergency.nightShare, "emergency.night_share")
        try Check.nonNegative(hospital.defaultBeds, "hospital.default_beds")
        try hospital.lengthOfStay.validate("hospital.length_of_stay")
        try hospital.electiveLengthOfStay.validate("hospital.elective_length_of_stay")
        try Check.bands(discharge.homeCareProbability, "discharge.home_care_probability", probability: true)
        try Check.bands(discharge.ehpadProbability, "discharge.ehpad_probability", probability: true)
        for band in discharge.homeCareProbability.keys.sorted() {
            let sum = discharge.homeCareProbability[band, default: 0] + discharge.ehpadProbability[band, default: 0]
            guard sum <= 1 + 1e-12 else {
                throw SimulationError.invalidParameter(
                    name: "discharge.home_care_probability.\(band)",
                    reason: "with discharge.ehpad_probability.\(band) it adds up to \(sum), more than 1")
            }
        }
        try Check.probability(discharge.hadShare, "discharge.had_share")
        try homeCare.delayWithAgreement.validate("home_care.delay_with_agreement")
        try homeCare.delayWithoutAgreement.validate("home_care.delay_without_agreement")
        try homeCare.ssiadStay.validate("home_care.ssiad_stay")
        try homeCare.hadStay.validate("home_care.had_stay")
        try homeCare.ehpadStay.validate("home_care.ehpad_stay")
        try Check.nonNegative(homeCare.defaultSSIADPlaces, "home_care.default_ssiad_places")
        try Check.nonNegative(homeCare.defaultHADPlaces, "home_care.default_had_places")
        try Check.nonNegative(homeCare.defaultEHPADPlaces, "home_care.default_ehpad_places")
        try Check.probability(followUp.probabilityLinked, "follow_up.probability_linked")
        try Check.probability(followUp.probabilityUnlinked, "follow_up.probability_unlinked")
        try followUp.delayLinked.validate("follow_up.delay_linked")
        try followUp.delayUnlinked.validate("follow_up.delay_unlinked")
        try Check.bands(readmission.probability30Days, "readmission.probability_30_days", probability: true)
        try Check.nonNegative(readmission.multiplierWithoutFollowUp, "readmission.multiplier_without_follow_up")
        try Check.integer(indicators.continuityMinimumVisits, "indicators.continuity_minimum_visits", in: 1...1_000)
    }

    /// Checks that every value given per age band covers the territory's bands.
    func validateBands(_ bandIDs: [String]) throws {
        let perBand: [(String, BandValues)] = [
            ("population.chronic_prevalence", population.chronicPrevalence),
            ("needs.chronic_follow_up.rate_per_year", needs.chronicFollowUp.ratePerYear),
            ("needs.chronic_follow_up.rate_per_year_chronic", needs.chronicFollowUp.ratePerYearChronic),
            ("needs.acute_minor.rate_per_year", needs.acuteMinor.ratePerYear),
            ("needs.acute_minor.rate_per_year_chronic", needs.acuteMinor.ratePerYearChronic),
            ("needs.acute_urgent.rate_per_year", needs.acuteUrgent.ratePerYear),
            ("needs.acute_urgent.rate_per_year_chronic", needs.acuteUrgent.ratePerYearChronic),
            ("needs.specialist_referral.rate_per_year", needs.specialistReferral.ratePerYear),
            ("needs.specialist_referral.rate_per_year_chronic", needs.specialistReferral.ratePerYearChronic),
            ("needs.prescription.rate_per_year", needs.prescription.ratePerYear),
            ("needs.prescription.rate_per_year_chronic", needs.prescription.ratePerYearChronic),
            ("emergency.admission_probability", emergency.admissionProbability),
            ("discharge.home_care_probability", discharge.homeCareProbability),
            ("discharge.ehpad_probability", discharge.ehpadProbability),
            ("readmission.probability_30_days", readmission.probability30Days),
        ]
        for (name, values) in perBand {
            for band in bandIDs where values[band] == nil {
                throw SimulationError.invalidParameter(name: "\(name).\(band)", reason: "is missing: the territory has age band \(band)")
            }
        }
    }

    /// The start date as whole days since 1970-01-01 (UTC).
    public func startDay() throws -> Int {
        let parts = startDate.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let days = CalendarDay.daysSinceEpoch(year: year, month: month, day: day) else {
            throw SimulationError.invalidParameter(name: "start_date", reason: "'\(startDate)' is not an ISO date such as 2026-01-01")
        }
        return days
    }
}

/// Range checks that name the parameter.
enum Check {
    static func probability(_ value: Double, _ name: String) throws {
        guard value.isFinite, (0...1).contains(value) else {
            throw SimulationError.invalidParameter(name: name, reason: "\(value) is not a probability in 0...1")
        }
    }

    static func nonNegative(_ value: Double, _ name: String) throws {
        guard value.isFinite, value >= 0 else {
            throw SimulationError.invalidParameter(name: name, reason: "\(value) must be a finite number ≥ 0")
        }
    }

    static func positive(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0 else {
            throw SimulationError.invalidParameter(name: name, reason: "\(value) must be a finite number > 0")
        }
    }

    static func integer(_ value: Int, _ name: String, in range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw SimulationError.invalidParameter(name: name, reason: "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
    }

    static func bands(_ values: BandValues, _ name: String, probability: Bool) throws {
        guard !values.isEmpty else { throw SimulationError.invalidParameter(name: name, reason: "needs a value per age band") }
        for band in values.keys.sorted() {
            let value = values[band]!
            if probability { try Check.probability(value, "\(name).\(band)") } else {
                guard value.isFinite, value >= 0 else {
                    throw SimulationError.invalidParameter(name: "\(name).\(band)", reason: "\(value) is not a rate ≥ 0")
                }
            }
        }
    }
}

/// Calendar arithmetic on proleptic Gregorian dates, in whole days, without time zones.
enum CalendarDay {
    /// Days since 1970-01-01 for a valid date, nil otherwise (Howard Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), (1...31).contains(day), (1...9999).contains(year) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The ISO date of a day since 1970-01-01.
    static func iso(_ days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    static func weekday(_ days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }
}
