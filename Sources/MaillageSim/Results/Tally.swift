/// The raw counts a replication keeps per zone; indicators are derived from them.
///
/// Counts are by the zone where the patient lives, on counted days only (after the warm-up).
enum Tally: Int, CaseIterable {
    case inhabitants, withoutDeclaredGP
    case needs, needsChronicFollowUp, needsAcuteMinor, needsAcuteUrgent, needsSpecialist, needsPrescription
    case gpContacts, gpContactsDeclared, gpContactsColleague, gpContactsOther, gpFollowUpContacts
    case gpWaitingDays, gpWaitedContacts
    case specialistContacts, specialistContactsHospital, pharmacyContacts
    case emergencyVisits, emergencyVisitsAvoidable
    case admissions, admissionsEmergency, admissionsElective, admissionsReadmission, admissionsWithoutBed
    case unmet, unmetGP, unmetUrgent, unmetSpecialist, unmetPharmacy
    case travelMinutes
    case discharges, discharges7Counted, followedUp7, discharges30Counted, followedUp30, readmitted30
    case homeCareNeeded, homeCareStarted, homeCareDaysToStart, homeCareWithin2Days, homeCareNotStarted
    case ehpadAdmissions, ehpadUnavailable
    case continuityPatients, continuityLeftOut, upcSum, hhiSum, mmciSum, cocPatients, cocSum, seconSum
    /// One-way minutes to the emergency department of each counted visit.
    case emergencyTravelMinutes
    /// Crowding: minutes waited before being seen (every arrival), arrivals leaving without being seen.
    case emergencyWaitMinutes, leftWithoutBeingSeen, emergencyReturnVisits
    /// No bed: patients boarding in an emergency department, their hours there, transfers, patients lost.
    case boardingPatients, boardingHours, transfers, patientsLost, electivePostponed
    /// Bed blocking: discharges delayed by full SSIAD/HAD/EHPAD and the days they waited in bed.
    case dischargesDelayed, dischargeDelayDays, homeCareResumed
    /// Requests from home for SSIAD, HAD or an EHPAD; started; given up on a waiting list; days waited.
    case homeEntryRequests, homeEntryStarted, homeEntryGaveUp, homeEntryWaitingDays
    /// Needs of EHPAD residents met where they live (GP, prescriptions).
    case ehpadResidentCare
    /// Declared patients whose GP left; those who found another.
    case gpLost, gpReattached

    static let count = allCases.count
}
