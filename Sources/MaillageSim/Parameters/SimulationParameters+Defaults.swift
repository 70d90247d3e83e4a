extension SimulationParameters {
    /// Orders of magnitude for France (see `../shared/reference/care-network-model.md` and
    /// `data/simulation-parameters.json`), chosen so that a territory with national supply gives
    /// about 4 GP contacts, 0.31 emergency visits and 0.17 hospital stays per inhabitant a year.
    public static let defaults = SimulationParameters(
        startDate: "2026-01-01",
        // The Welch runs of BENCHMARKS.md (issue 14): with the steady-state start, hospital beds on
        // the demo territory settle in the third month, everything else sooner.
        warmUpDays: 90,
        population: PopulationParameters(
            // ALD and treated chronic conditions rise steeply with age (CNAM: ~20 % overall, > 60 % after 75).
            chronicPrevalence: bands(0.03, 0.05, 0.10, 0.22, 0.40, 0.65),
            // INSEE 2023 pyramid, rounded.
            defaultAgeShares: bands(0.175, 0.170, 0.185, 0.195, 0.175, 0.100),
            shareNotSeekingGP: 0.04,
            // A declared doctor keeps about 1,250 patients per FTE (4 consultations a year each).
            listSizePerFTE: 1_250
        ),
        travel: TravelParameters(
            gpLimitMinutes: 30, specialistLimitMinutes: 60, emergencyLimitMinutes: 90, hospitalLimitMinutes: 120,
            pharmacyLimitMinutes: 30, ehpadLimitMinutes: 45, maxCandidates: 250
        ),
        needs: NeedParameters(
            // Chronic patients see their GP about every two months.
            chronicFollowUp: NeedRate(
                ratePerYear: bands(0, 0, 0, 0, 0, 0), ratePerYearChronic: bands(4, 4, 5, 5, 6, 6)),
            // With the follow-ups: about 4 GP contacts per inhabitant a year, more with age (DREES).
            acuteMinor: NeedRate(
                ratePerYear: bands(3.0, 2.0, 2.2, 2.3, 2.5, 3.0),
                ratePerYearChronic: bands(3.5, 2.6, 2.8, 2.9, 3.1, 3.6)),
            // 21 million emergency visits for 68 million people (0.31), part of them avoidable (below).
            acuteUrgent: NeedRate(
                ratePerYear: bands(0.26, 0.27, 0.21, 0.19, 0.20, 0.40),
                ratePerYearChronic: bands(0.35, 0.35, 0.30, 0.28, 0.30, 0.55)),
            specialistReferral: NeedRate(
                ratePerYear: bands(0.3, 0.4, 0.6, 0.8, 1.1, 1.3),
                ratePerYearChronic: bands(0.6, 0.8, 1.1, 1.4, 1.8, 2.0)),
            prescription: NeedRate(
                ratePerYear: bands(2, 2, 3, 4, 6, 8), ratePerYearChronic: bands(6, 8, 10, 12, 12, 13))
        ),
        gp: GPParameters(
            // 5,000 consultations a year per FTE over about 225 working days.
            consultationsPerFTEDay: 22, workingDaysPerWeek: 5,
            toleranceChronicDays: 21, toleranceAcuteDays: 2, toleranceFollowUpDays: 7,
            acuteToEmergencyWithoutSlot: 0.35, chronicToEmergencyWithoutSlot: 0.02,
            // Finding a new declared doctor takes weeks to months where lists are full (an assumption).
            reattachmentDelay: .exponential(mean: 60), retirementRatePerYear: 0,
            retirementRateByYearsInPractice: nil, closureDaysBeforePatientsLeave: 30
        ),
        specialist: SpecialistParameters(
            consultationsPerFTEDay: 20, toleranceDays: 45,
            // Planned stays make up the rest of the 0.17 stays per inhabitant after the 0.06 from emergencies.
            electiveAdmissionProbability: 0.09,
            electiveAdmissionDelay: .exponential(mean: 21)
        ),
        emergency: EmergencyParameters(
            // About one visit in five ends in an admission, far more for the elderly.
            admissionProbability: bands(0.07, 0.09, 0.12, 0.20, 0.32, 0.45),
            nightShare: 0.3,
            // 0.31 visits per inhabitant a year is 0.85 a day per 1,000 served; staff sized for about
            // 1.7 times that mean load (a mean load of 0.6) gives 1.45 (an assumption, never the SAE counts).
            staffedVisitsPer1000Served: 1.45, minimumStaffedVisitsPerDay: 40,
            // Waiting grows as 1 / (1 − load) (a single-queue approximation); leaving without being seen
            // grows with the wait (1–3 % at ordinary loads, more when crowded: assumptions to calibrate).
            baseWaitMinutes: 30, maximumLoad: 0.95, leftWithoutBeingSeenPerWaitingHour: 0.02,
            boardingLoadWeight: 4, boardingCapHours: 48,
            unmetReturnShare: 0.3, unmetReturnDelay: .exponential(mean: 2),
            // The nearest department: the choice model is opt-in until it is fitted (README, "Per site").
            choice: .nearest
        ),
        hospital: HospitalParameters(
            // Mean acute stay 5–6 days, right-skewed.
            // About 3 short-stay beds per 1,000 inhabitants (200,000 of 387,000 full-hospitalisation beds, DREES 2020).
            defaultBedsPer1000: 3, minimumDefaultBeds: 10,
            lengthOfStay: .lognormal(mean: 5.5, sd: 6), electiveLengthOfStay: .lognormal(mean: 4, sd: 4),
            maxDischargeDelayDays: 30, electivePostponementDays: 7
        ),
        discharge: DischargeParameters(
            // Sized on the places downstream (issue 14): about 3 SSIAD/HAD starts from hospital per
            // 1,000 inhabitants a year (23 % of SSIAD entries come from short-stay hospital) and about
            // 1.3 EHPAD entries from hospital per 1,000 (of about 3.2 entries: 614,000 places × 0.88 over 2.5 years).
            homeCareProbability: bands(0.005, 0.005, 0.005, 0.01, 0.025, 0.06),
            ehpadProbability: bands(0, 0, 0, 0, 0.005, 0.03),
            hadShare: 0.2
        ),
        homeCare: HomeCareParameters(
            delayWithAgreement: .exponential(mean: 1), delayWithoutAgreement: .exponential(mean: 5),
            // SSIAD stays last months; HAD weeks; EHPAD residence years.
            ssiadStay: .exponential(mean: 90), hadStay: .exponential(mean: 25), ehpadStay: .exponential(mean: 900),
            // About 125,000 SSIAD places over 2,100 services: ~60 per service.
            defaultSSIADPlaces: 60, defaultHADPlaces: 30, defaultEHPADPlaces: 80,
            // About 55 % of SSIAD entries come from home (23 % from short-stay hospital); EHPAD entries
            // from home as well as from hospital (orders of magnitude, to calibrate).
            ssiadEntryFromHomePerYear: bands(0, 0, 0.0003, 0.001, 0.004, 0.03),
            hadEntryFromHomePerYear: bands(0, 0, 0.0002, 0.0005, 0.001, 0.003),
            ehpadEntryFromHomePerYear: bands(0, 0, 0, 0.0001, 0.0015, 0.016),
            maxWaitFromHomeDays: 180
        ),
        followUp: FollowUpParameters(
            probabilityLinked: 0.85, probabilityUnlinked: 0.55,
            delayLinked: .exponential(mean: 4), delayUnlinked: .exponential(mean: 10)
        ),
        readmission: ReadmissionParameters(
            // 30-day readmission around 10–15 % for older patients.
            probability30Days: bands(0.04, 0.05, 0.06, 0.07, 0.09, 0.11),
            multiplierWithoutFollowUp: 1.5
        ),
        indicators: IndicatorParameters(continuityMinimumVisits: 2),
        steadyState: SteadyStateParameters(
            ehpadOccupancy: 0.88, bedOccupancy: 0.77, ssiadOccupancy: 0.9, hadOccupancy: 0.85),
        rhythms: RhythmParameters(
            // Mondays about +11 % (DREES Études et résultats 1320, 2023); the rest of the week near the mean.
            dayOfWeek: [1.11, 0.99, 0.97, 0.97, 0.98, 0.98, 1.00],
            // A winter respiratory peak and a summer rise (an assumed shape, to calibrate on SAE monthly data).
            month: [1.06, 1.02, 0.98, 0.97, 1.00, 1.02, 1.03, 0.98, 0.99, 0.98, 0.97, 1.04],
            touristZones: [], touristSummerFactor: 1
        )
    )

    /// Values for INSEE's six bands, youngest first.
    private static func bands(_ values: Double...) -> BandValues {
        Dictionary(uniqueKeysWithValues: zip(["0-14", "15-29", "30-44", "45-59", "60-74", "75+"], values))
    }
}
