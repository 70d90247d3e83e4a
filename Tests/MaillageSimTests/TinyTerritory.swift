import MaillageCore
import MaillageSim

/// Hand-made territories small enough to check results by hand.
enum TinyTerritory {
    static let band3044 = AgeBand.insee[2]

    /// A zone whose inhabitants are all aged 30–44, at a longitude east of 2.35°E (same latitude 46.6).
    static func zone(_ id: String, people: Double, longitude: Double = 2.35) throws -> Zone {
        try Zone(
            id: id, name: id, point: GeoPoint(longitude: longitude, latitude: 46.6),
            population: Population(byBand: [band3044: people]), densityClass: .intermediate)
    }

    static func gp(_ id: String, perDay: Double, list: Double, longitude: Double = 2.35) throws -> Actor {
        try Actor(
            id: id, kind: .gp, name: id, point: GeoPoint(longitude: longitude, latitude: 46.6), zoneID: "Z1",
            capacities: [Capacity(.consultationsPerDay, perDay), Capacity(.listSize, list)])
    }

    static func hospital(_ id: String, longitude: Double = 2.35, emergency: Bool = true, beds: Double = 500) throws
        -> Actor
    {
        try Actor(
            id: id, kind: .hospital, name: id, point: GeoPoint(longitude: longitude, latitude: 46.6), zoneID: "Z1",
            capacities: [Capacity(.beds, beds), Capacity(.edVisitsPerDay, 1_000)],
            services: emergency ? ["emergency"] : [])
    }

    static func pharmacy() throws -> Actor {
        try Actor(
            id: "ph1", kind: .pharmacy, name: "ph1", point: GeoPoint(longitude: 2.35, latitude: 46.6), zoneID: "Z1")
    }

    /// No chronic conditions, so that every need rate is the 30–44 band's `rate_per_year`; long-stay
    /// resources start empty (a hand-made territory has no realistic beds per inhabitant) unless given.
    static func parameters(_ extra: [String: Any] = [:]) throws -> SimulationParameters {
        var overrides = extra
        var population = extra["population"] as? [String: Any] ?? [:]
        population["chronic_prevalence"] = ["0-14": 0, "15-29": 0, "30-44": 0, "45-59": 0, "60-74": 0, "75+": 0]
        overrides["population"] = population
        if overrides["steady_state"] == nil {
            overrides["steady_state"] = [
                "ehpad_occupancy": 0, "bed_occupancy": 0, "ssiad_occupancy": 0, "had_occupancy": 0,
            ]
        }
        return try ParameterFile.apply(overrides)
    }

    /// Arrivals without weekly or yearly rhythm.
    static var flatRhythms: [String: Any] {
        ["day_of_week": Array(repeating: 1, count: 7), "month": Array(repeating: 1, count: 12)]
    }

    static func place(_ id: String, _ kind: ActorKind, places: Double, longitude: Double = 2.35) throws -> Actor {
        try Actor(
            id: id, kind: kind, name: id, point: GeoPoint(longitude: longitude, latitude: 46.6), zoneID: nil,
            capacities: [Capacity(.places, places)])
    }

    /// A hospital whose beds the data does not give.
    static func hospitalWithoutBeds(_ id: String, longitude: Double, emergency: Bool = true) throws -> Actor {
        try Actor(
            id: id, kind: .hospital, name: id, point: GeoPoint(longitude: longitude, latitude: 46.6), zoneID: nil,
            services: emergency ? ["emergency"] : [])
    }
}
