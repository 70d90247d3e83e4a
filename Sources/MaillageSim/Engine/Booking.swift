/// A consultation slot taken: where, when, how far, and how the patient got it.
struct Booking {
    enum Route { case declared, colleague, other }

    var provider: Int
    /// Position of the provider in the zone's candidate list (for continuity labels).
    var rank: Int
    var day: Int
    var minutes: Double
    var route: Route
}
