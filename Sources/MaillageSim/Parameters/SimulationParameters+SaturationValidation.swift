extension SimulationParameters {
    /// Checks the parameters of saturation and pressure: steady-state start, crowding, boarding,
    /// bed blocking, waiting lists, rhythms and GP departures.
    func validateSaturation() throws {
        try Check.nonNegative(hospital.defaultBedsPer1000, "hospital.default_beds_per_1000")
        try Check.nonNegative(hospital.minimumDefaultBeds, "hospital.minimum_default_beds")
        try Check.integer(hospital.maxDischargeDelayDays, "hospital.max_discharge_delay_days", in: 0...3_650)
        try Check.integer(hospital.electivePostponementDays, "hospital.elective_postponement_days", in: 1...365)
        try Check.positive(emergency.staffedVisitsPer1000Served, "emergency.staffed_visits_per_1000_served")
        try Check.positive(emergency.minimumStaffedVisitsPerDay, "emergency.minimum_staffed_visits_per_day")
        try Check.nonNegative(emergency.baseWaitMinutes, "emergency.base_wait_minutes")
        guard emergency.maximumLoad.isFinite, emergency.maximumLoad >= 0, emergency.maximumLoad < 1 else {
            throw SimulationError.invalidParameter(
                name: "emergency.maximum_load", reason: "\(emergency.maximumLoad) must be in 0..<1")
        }
        try Check.nonNegative(
            emergency.leftWithoutBeingSeenPerWaitingHour, "emergency.left_without_being_seen_per_waiting_hour")
        try Check.nonNegative(emergency.boardingLoadWeight, "emergency.boarding_load_weight")
        try Check.nonNegative(emergency.boardingCapHours, "emergency.boarding_cap_hours")
        try Check.probability(emergency.unmetReturnShare, "emergency.unmet_return_share")
        try emergency.unmetReturnDelay.validate("emergency.unmet_return_delay")
        try Check.nonNegative(emergency.choice.minutesScale, "emergency.choice.minutes_scale")
        // (1 + beds)^exponent stays finite for any bed count a capacity may hold (at most 1e9).
        guard emergency.choice.sizeElasticity.isFinite, (0...10).contains(emergency.choice.sizeElasticity) else {
            throw SimulationError.invalidParameter(
                name: "emergency.choice.size_elasticity",
                reason: "\(emergency.choice.sizeElasticity) must be a number from 0 to 10")
        }
        try Check.nonNegative(emergency.choice.paediatricWeight, "emergency.choice.paediatric_weight")
        try gp.reattachmentDelay.validate("gp.reattachment_delay")
        try Check.nonNegative(gp.retirementRatePerYear, "gp.retirement_rate_per_year")
        try Check.retirementBands(gp.retirementRateByYearsInPractice, "gp.retirement_rate_by_years_in_practice")
        try Check.integer(gp.closureDaysBeforePatientsLeave, "gp.closure_days_before_patients_leave", in: 1...36_500)
        try Check.bands(
            homeCare.ssiadEntryFromHomePerYear, "home_care.ssiad_entry_from_home_per_year", probability: false)
        try Check.bands(homeCare.hadEntryFromHomePerYear, "home_care.had_entry_from_home_per_year", probability: false)
        try Check.bands(
            homeCare.ehpadEntryFromHomePerYear, "home_care.ehpad_entry_from_home_per_year", probability: false)
        try Check.integer(homeCare.maxWaitFromHomeDays, "home_care.max_wait_from_home_days", in: 0...36_500)
        try Check.probability(steadyState.ehpadOccupancy, "steady_state.ehpad_occupancy")
        try Check.probability(steadyState.bedOccupancy, "steady_state.bed_occupancy")
        try Check.probability(steadyState.ssiadOccupancy, "steady_state.ssiad_occupancy")
        try Check.probability(steadyState.hadOccupancy, "steady_state.had_occupancy")
        guard rhythms.dayOfWeek.count == 7 else {
            throw SimulationError.invalidParameter(
                name: "rhythms.day_of_week", reason: "needs 7 values (Monday first), not \(rhythms.dayOfWeek.count)")
        }
        guard rhythms.month.count == 12 else {
            throw SimulationError.invalidParameter(
                name: "rhythms.month", reason: "needs 12 values (January first), not \(rhythms.month.count)")
        }
        for (index, value) in rhythms.dayOfWeek.enumerated() {
            try Check.positive(value, "rhythms.day_of_week.\(index)")
        }
        for (index, value) in rhythms.month.enumerated() { try Check.positive(value, "rhythms.month.\(index)") }
        try Check.positive(rhythms.touristSummerFactor, "rhythms.tourist_summer_factor")
    }
}
