/// The raw counts a replication keeps per zone; indicators are derived from them.
///
/// Counts are by the zone where the patient lives, on counted days only (after the warm-up).
enum Tally: Int, CaseIterable {
    // Counts of events, one at a time (kept as 32-bit integers: ``ZoneTallies``).
    case withoutDeclaredGP
    case needs, needsChronicFollowUp, needsAcuteMinor, needsAcuteUrgent, needsSpecialist, needsPrescription
    case gpContacts, gpContactsDeclared, gpContactsColleague, gpContactsOther, gpFollowUpContacts
    case gpWaitedContacts
    case specialistContacts, specialistContactsHospital, pharmacyContacts
    case emergencyVisits, emergencyVisitsAvoidable
    case admissions, admissionsEmergency, admissionsElective, admissionsReadmission, admissionsWithoutBed
    case unmet, unmetGP, unmetUrgent, unmetSpecialist, unmetPharmacy
    case discharges, discharges7Counted, followedUp7, discharges30Counted, followedUp30, readmitted30
    case homeCareNeeded, homeCareStarted, homeCareWithin2Days, homeCareNotStarted
    case ehpadAdmissions, ehpadUnavailable
    case continuityPatients, continuityLeftOut, cocPatients
    /// Crowding: arrivals leaving without being seen, visits back within days.
    case leftWithoutBeingSeen, emergencyReturnVisits
    /// No bed: patients boarding in an emergency department, transfers, patients lost, elective stays put off.
    case boardingPatients, transfers, patientsLost, electivePostponed
    /// Bed blocking: discharges delayed by full SSIAD/HAD/EHPAD; home care taken up again.
    case dischargesDelayed, homeCareResumed
    /// Requests from home for SSIAD, HAD or an EHPAD; started; given up on a waiting list.
    case homeEntryRequests, homeEntryStarted, homeEntryGaveUp
    /// Needs of EHPAD residents met where they live (GP, prescriptions).
    case ehpadResidentCare
    /// Declared patients whose GP left; those who found another.
    case gpLost, gpReattached

    // Sums of amounts, from `inhabitants` on (kept as doubles).
    case inhabitants, gpWaitingDays, travelMinutes, homeCareDaysToStart
    case upcSum, hhiSum, mmciSum, cocSum, seconSum
    /// One-way minutes to the emergency department of each counted visit; minutes waited before
    /// being seen (every arrival).
    case emergencyTravelMinutes, emergencyWaitMinutes
    /// Hours boarding in an emergency department; days delayed discharges waited in bed; days
    /// waited on a list from home.
    case boardingHours, dischargeDelayDays, homeEntryWaitingDays

    static let count = allCases.count

    /// Whether the tally adds up amounts (people, minutes, days, continuity indices), kept as a
    /// double; the tallies before ``inhabitants`` count events one by one, kept as 32-bit integers.
    @inline(__always)
    var isSum: Bool { rawValue >= Tally.inhabitants.rawValue }

    /// The tally's place among the counts or among the sums.
    @inline(__always)
    var slot: Int { isSum ? rawValue - Tally.inhabitants.rawValue : rawValue }

    /// How many tallies are counts, and how many sums.
    static let countSlots = Tally.inhabitants.rawValue
    static let sumSlots = count - countSlots
}
