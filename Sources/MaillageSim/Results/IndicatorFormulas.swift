/// Indicators from raw tallies (`indicators.md` §4–5), the same formulas for a zone and the territory.
///
/// Rates "per inhabitant" are per year (scaled by 365 / days); shares are of the count they
/// were computed on, which is reported beside them; an undefined value is NaN.
enum IndicatorFormulas {
    static func derive(_ t: [Double], yearScale: Double) -> [(String, Double)] {
        func v(_ tally: Tally) -> Double { t[tally.rawValue] }
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
        let people = v(.inhabitants)
        func perInhabitant(_ tally: Tally) -> Double { ratio(v(tally), people) * yearScale }
        return [
            ("inhabitants", people),
            ("share_without_declared_gp", ratio(v(.withoutDeclaredGP), people)),
            ("needs_per_inhabitant", perInhabitant(.needs)),
            ("needs_chronic_follow_up", v(.needsChronicFollowUp)),
            ("needs_acute_minor", v(.needsAcuteMinor)),
            ("needs_acute_urgent", v(.needsAcuteUrgent)),
            ("needs_specialist_referral", v(.needsSpecialist)),
            ("needs_prescription", v(.needsPrescription)),
            ("gp_contacts", v(.gpContacts)),
            ("gp_contacts_per_inhabitant", perInhabitant(.gpContacts)),
            ("gp_contacts_declared_share", ratio(v(.gpContactsDeclared), v(.gpContacts))),
            ("gp_contacts_colleague_share", ratio(v(.gpContactsColleague), v(.gpContacts))),
            ("gp_contacts_other_share", ratio(v(.gpContactsOther), v(.gpContacts))),
            ("gp_follow_up_contacts", v(.gpFollowUpContacts)),
            ("gp_waiting_days_mean", ratio(v(.gpWaitingDays), v(.gpWaitedContacts))),
            ("specialist_contacts_per_inhabitant", perInhabitant(.specialistContacts)),
            ("specialist_contacts_at_hospital_share", ratio(v(.specialistContactsHospital), v(.specialistContacts))),
            ("pharmacy_contacts_per_inhabitant", perInhabitant(.pharmacyContacts)),
            ("emergency_visits", v(.emergencyVisits)),
            ("emergency_visits_per_inhabitant", perInhabitant(.emergencyVisits)),
            ("emergency_travel_minutes_mean", ratio(v(.emergencyTravelMinutes), v(.emergencyVisits))),
            ("avoidable_emergency_visits_per_inhabitant", perInhabitant(.emergencyVisitsAvoidable)),
            ("avoidable_emergency_visits_share", ratio(v(.emergencyVisitsAvoidable), v(.emergencyVisits))),
            ("admissions", v(.admissions)),
            ("admissions_per_inhabitant", perInhabitant(.admissions)),
            ("admissions_from_emergency_per_inhabitant", perInhabitant(.admissionsEmergency)),
            ("elective_admissions_per_inhabitant", perInhabitant(.admissionsElective)),
            ("readmission_admissions_per_inhabitant", perInhabitant(.admissionsReadmission)),
            ("admissions_without_bed", v(.admissionsWithoutBed)),
            ("unmet_needs", v(.unmet)),
            ("unmet_needs_per_inhabitant", perInhabitant(.unmet)),
            ("unmet_needs_share", ratio(v(.unmet), v(.needs))),
            ("unmet_gp_needs", v(.unmetGP)),
            ("unmet_urgent_needs", v(.unmetUrgent)),
            ("unmet_specialist_needs", v(.unmetSpecialist)),
            ("unmet_pharmacy_needs", v(.unmetPharmacy)),
            ("travel_minutes_per_inhabitant", perInhabitant(.travelMinutes)),
            ("continuity_upc", ratio(v(.upcSum), v(.continuityPatients))),
            ("continuity_coc", ratio(v(.cocSum), v(.cocPatients))),
            ("continuity_secon", ratio(v(.seconSum), v(.cocPatients))),
            ("continuity_hhi", ratio(v(.hhiSum), v(.continuityPatients))),
            ("continuity_mmci", ratio(v(.mmciSum), v(.continuityPatients))),
            ("continuity_patients", v(.continuityPatients)),
            ("continuity_patients_left_out", v(.continuityLeftOut)),
            ("discharges", v(.discharges)),
            ("follow_up_7_days_share", ratio(v(.followedUp7), v(.discharges7Counted))),
            ("follow_up_7_days_discharges", v(.discharges7Counted)),
            ("follow_up_30_days_share", ratio(v(.followedUp30), v(.discharges30Counted))),
            ("follow_up_30_days_discharges", v(.discharges30Counted)),
            ("readmission_30_days_share", ratio(v(.readmitted30), v(.discharges30Counted))),
            ("home_care_needed", v(.homeCareNeeded)),
            ("home_care_days_to_start_mean", ratio(v(.homeCareDaysToStart), v(.homeCareStarted))),
            ("home_care_started_within_2_days_share", ratio(v(.homeCareWithin2Days), v(.homeCareNeeded))),
            ("home_care_not_started", v(.homeCareNotStarted)),
            ("ehpad_admissions", v(.ehpadAdmissions)),
            ("ehpad_unavailable", v(.ehpadUnavailable)),
            ("emergency_wait_minutes_mean", ratio(v(.emergencyWaitMinutes), v(.emergencyVisits))),
            ("left_without_being_seen_share", ratio(v(.leftWithoutBeingSeen), v(.emergencyVisits))),
            ("emergency_return_visits", v(.emergencyReturnVisits)),
            ("emergency_boarding_patients", v(.boardingPatients)),
            ("emergency_boarding_hours", v(.boardingHours)),
            ("emergency_boarding_hours_mean", ratio(v(.boardingHours), v(.boardingPatients))),
            ("hospital_transfers", v(.transfers)),
            ("patients_lost", v(.patientsLost)),
            ("elective_admissions_postponed", v(.electivePostponed)),
            ("discharges_delayed", v(.dischargesDelayed)),
            ("discharge_delay_days", v(.dischargeDelayDays)),
            ("discharges_delayed_share", ratio(v(.dischargesDelayed), v(.discharges))),
            ("home_care_resumed", v(.homeCareResumed)),
            ("home_entry_requests", v(.homeEntryRequests)),
            ("home_entry_started", v(.homeEntryStarted)),
            ("home_entry_gave_up", v(.homeEntryGaveUp)),
            ("home_entry_waiting_days_mean", ratio(v(.homeEntryWaitingDays), v(.homeEntryStarted))),
            ("ehpad_resident_care_contacts", v(.ehpadResidentCare)),
            ("gp_patients_lost_gp", v(.gpLost)),
            ("gp_patients_reattached", v(.gpReattached)),
        ]
    }

    /// Territory-wide use of beds, places and consultation slots.
    static func occupancies(_ result: ReplicationResult, network: CareNetwork) -> [(String, Double)] {
        func share(_ role: ProviderRole, slots: Bool) -> Double {
            let used = role.actors.reduce(0) { $0 + (slots ? result.actorContacts[$1] : result.actorUsedDays[$1]) }
            let capacity = role.actors.reduce(0) { $0 + result.actorCapacityDays[$1] }
            return capacity > 0 ? used / capacity : .nan
        }
        func lastDay(_ role: OccupancyRole) -> Double {
            let days = result.series.count / (OccupancyRole.count * 2)
            guard days > 0 else { return .nan }
            let base = ((days - 1) * OccupancyRole.count + role.index) * 2
            return result.series[base + 1] > 0 ? result.series[base] / result.series[base + 1] : .nan
        }
        return [
            ("bed_occupancy", share(network.hospital, slots: false)),
            ("ssiad_place_occupancy", share(network.ssiad, slots: false)),
            ("had_place_occupancy", share(network.had, slots: false)),
            ("ehpad_place_occupancy", share(network.ehpad, slots: false)),
            ("gp_slot_use", share(network.gp, slots: true)),
            ("specialist_slot_use", share(network.specialist, slots: true)),
            ("share_without_declared_gp_end", lastDay(.withoutDeclaredGP)),
            ("gp_list_use_end", lastDay(.gpLists)),
        ]
    }
}
