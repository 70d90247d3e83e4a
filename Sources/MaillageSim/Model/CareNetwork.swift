import MaillageAccess
import MaillageCore

/// The territory compiled for the engine: providers by role with their capacities, each
/// zone's candidate lists, and the links that change hand-offs.
///
/// Built once per run and shared read-only by every replication.
struct CareNetwork: Sendable {
    let territory: Territory
    let bandIDs: [String]
    /// Inhabitants per zone and band (rounded to whole agents), zone-major.
    let agentsPerZoneBand: [Int]
    let zoneCount: Int
    /// The fraction of inhabitants simulated (1 = everyone); capacities are scaled by it.
    let sample: Double

    var gp = ProviderRole()
    /// Declared-patient places per GP.
    var gpListCapacity: [Double] = []
    /// Groups (an MSP, a CPTS, a partnership) each GP belongs to, compressed rows.
    var gpGroupOffsets: [Int32] = [0]
    var gpGroups: [Int32] = []
    /// Whether each GP shares a group with another GP (whether a colleague can stand in).
    var gpHasColleague: [Bool] = []
    /// Hospitals (role positions) linked to each GP: referral, partnership, shared CPTS.
    var gpHospitalOffsets: [Int32] = [0]
    var gpHospitals: [Int32] = []
    var specialist = ProviderRole()
    var hospital = ProviderRole()
    /// Emergency departments; capacity = visits a day.
    var emergency = ProviderRole()
    /// The hospital (role position) each department belongs to.
    var emergencyHospital: [Int] = []
    /// Whether each department sees adults (`emergency`) and children (`paediatric_emergency`).
    var emergencyGeneral: [Bool] = []
    var emergencyPaediatric: [Bool] = []
    /// Each department's size term in the choice, `(1 + short-stay beds)^size_elasticity`.
    var emergencySize: [Double] = []
    /// Whether each age band is children's (every age under ``EmergencyChoice/adultAge``).
    var emergencyChildBand: [Bool] = []
    var pharmacy = ProviderRole()
    var ssiad = ProviderRole()
    var had = ProviderRole()
    var ehpad = ProviderRole()
    /// Whether each hospital's beds are an estimate (the data had none).
    var bedsEstimated: [Bool] = []
    /// The zone each EHPAD's residents live in (the zone nearest to it among those that reach it).
    var ehpadZone: [Int32] = []
    /// Actors each hospital (role position) has a discharge agreement with (actor positions).
    var agreements: [Set<Int>] = []

    var gpLists: CandidateLists
    var specialistLists: CandidateLists
    var hospitalLists: CandidateLists
    var emergencyLists: CandidateLists
    var pharmacyLists: CandidateLists
    var ehpadLists: CandidateLists
    /// Home-care services (role positions) covering each zone by a `covers` link, or else the nearest.
    var ssiadCover: ZoneLists
    var hadCover: ZoneLists

    @inline(__always)
    func sameGroup(_ a: Int, _ b: Int) -> Bool {
        for i in Int(gpGroupOffsets[a])..<Int(gpGroupOffsets[a + 1]) {
            for j in Int(gpGroupOffsets[b])..<Int(gpGroupOffsets[b + 1]) where gpGroups[i] == gpGroups[j] {
                return true
            }
        }
        return false
    }

    @inline(__always)
    func linked(gp: Int, hospital: Int) -> Bool {
        for i in Int(gpHospitalOffsets[gp])..<Int(gpHospitalOffsets[gp + 1]) where Int(gpHospitals[i]) == hospital {
            return true
        }
        return false
    }

    /// The first hospital a GP is linked to (for planned admissions), or nil.
    func firstLinkedHospital(gp: Int) -> Int? {
        gpHospitalOffsets[gp] < gpHospitalOffsets[gp + 1] ? Int(gpHospitals[Int(gpHospitalOffsets[gp])]) : nil
    }
}
