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
        for (name, value) in [
            ("gp", travel.gpLimitMinutes), ("specialist", travel.specialistLimitMinutes),
            ("emergency", travel.emergencyLimitMinutes), ("hospital", travel.hospitalLimitMinutes),
            ("pharmacy", travel.pharmacyLimitMinutes), ("ehpad", travel.ehpadLimitMinutes),
        ] {
            try Check.positive(value, "travel.\(name)_limit_minutes")
        }
        try Check.integer(travel.maxCandidates, "travel.max_candidates", in: 1...250)
        for (name, need) in [
            ("chronic_follow_up", needs.chronicFollowUp), ("acute_minor", needs.acuteMinor),
            ("acute_urgent", needs.acuteUrgent), ("specialist_referral", needs.specialistReferral),
            ("prescription", needs.prescription),
        ] {
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
        try Check.probability(emergency.nightShare, "emergency.night_share")
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
        try validateSaturation()
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
            ("home_care.ssiad_entry_from_home_per_year", homeCare.ssiadEntryFromHomePerYear),
            ("home_care.had_entry_from_home_per_year", homeCare.hadEntryFromHomePerYear),
            ("home_care.ehpad_entry_from_home_per_year", homeCare.ehpadEntryFromHomePerYear),
        ]
        for (name, values) in perBand {
            for band in bandIDs where values[band] == nil {
                throw SimulationError.invalidParameter(
                    name: "\(name).\(band)", reason: "is missing: the territory has age band \(band)")
            }
        }
    }

    /// The start date as whole days since 1970-01-01 (UTC).
    public func startDay() throws -> Int {
        let parts = startDate.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let days = CalendarDay.daysSinceEpoch(year: year, month: month, day: day)
        else {
            throw SimulationError.invalidParameter(
                name: "start_date", reason: "'\(startDate)' is not an ISO date such as 2026-01-01")
        }
        return days
    }
}
