/// A kind of capacity whose daily use the simulation records.
public enum OccupancyRole: String, CaseIterable, Sendable {
    /// Hospital beds (standing capacity: beds occupied at the end of the day).
    case hospitalBeds = "hospital_beds"
    /// Emergency department visits against the departments' visits a day.
    case emergencyVisits = "emergency_visits"
    case ssiadPlaces = "ssiad_places"
    case hadPlaces = "had_places"
    case ehpadPlaces = "ehpad_places"
    /// GP consultation slots taken against those in the practices' books that day.
    case gpSlots = "gp_slots"

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
        }
    }
}
