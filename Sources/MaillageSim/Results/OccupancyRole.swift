/// A kind of capacity whose daily use the simulation records.
public enum OccupancyRole: String, CaseIterable, Sendable {
    /// Hospital beds (standing capacity: beds occupied at the end of the day).
    case hospitalBeds = "hospital_beds"
    /// Emergency department arrivals against the departments' staffed capacity (the crowding load).
    case emergencyVisits = "emergency_visits"
    case ssiadPlaces = "ssiad_places"
    case hadPlaces = "had_places"
    case ehpadPlaces = "ehpad_places"
    /// GP consultation slots taken against those in the practices' books that day.
    case gpSlots = "gp_slots"
    /// Declared patients against the list places of GPs still practising.
    case gpLists = "gp_lists"
    /// Inhabitants living at home without a declared GP, against all living at home (a share, not a capacity).
    case withoutDeclaredGP = "without_declared_gp"
    /// Patients waiting in an emergency department for a bed at the end of the day, against the beds offered.
    case emergencyBoarding = "emergency_boarding"
    /// Patients kept in a hospital bed because their SSIAD, HAD or EHPAD is full, against the beds offered.
    case blockedBeds = "blocked_beds"

    static let count = allCases.count

    /// Position in ``allCases``, as the engine's flat series stores the roles.
    var index: Int {
        switch self {
        case .hospitalBeds: 0
        case .emergencyVisits: 1
        case .ssiadPlaces: 2
        case .hadPlaces: 3
        case .ehpadPlaces: 4
        case .gpSlots: 5
        case .gpLists: 6
        case .withoutDeclaredGP: 7
        case .emergencyBoarding: 8
        case .blockedBeds: 9
        }
    }
}
