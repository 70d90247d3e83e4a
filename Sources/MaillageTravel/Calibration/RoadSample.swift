import MaillageCore
import MaillageGeo
import MaillageStore

/// One road trip to fit or judge the straight-line model on: its geodesic length, its road
/// time (and road length when known), and the density levels at both ends.
public struct RoadSample: Sendable, Hashable {
    /// Where the trip starts.
    public let origin: TravelEndpoint
    /// Where the trip ends.
    public let destination: TravelEndpoint
    /// The geodesic length, in metres.
    public let metres: Double
    /// The road time, in minutes.
    public let minutes: Double
    /// The road length, in km, when the matrix has distances.
    public let roadKm: Double?
    /// The density level at the start, which scales the model's speed.
    public let originDensity: DensityClass?
    /// The density level at the end.
    public let destinationDensity: DensityClass?

    /// A trip from its ends, lengths and time.
    public init(
        origin: TravelEndpoint, destination: TravelEndpoint, metres: Double, minutes: Double, roadKm: Double?,
        originDensity: DensityClass?, destinationDensity: DensityClass?
    ) {
        self.origin = origin
        self.destination = destination
        self.metres = metres
        self.minutes = minutes
        self.roadKm = roadKm
        self.originDensity = originDensity
        self.destinationDensity = destinationDensity
    }

    /// The model's minutes for this trip.
    public func predicted(by model: StraightLineModel) -> Double {
        model.minutes(metres: metres, from: originDensity, to: destinationDensity)
    }
}

/// The places of a territory by endpoint, for turning stored pairs into samples.
public struct TerritoryPlaces: Sendable {
    /// A zone's or actor's point, with what the model and the coverage shares need.
    public struct Place: Sendable {
        /// Where it is, in WGS84.
        public let point: GeoPoint
        /// The density level: the zone's own, or for an actor that of its zone.
        public let density: DensityClass?
        /// People living there: a zone's population, 0 for an actor.
        public let population: Double
    }

    /// Every zone and actor of the territory, by endpoint.
    public let places: [TravelEndpoint: Place]

    /// The places of `territory`.
    public init(_ territory: Territory) {
        var places: [TravelEndpoint: Place] = [:]
        var zoneDensity: [String: DensityClass] = [:]
        for zone in territory.zones {
            places[.zone(zone.id)] = Place(
                point: zone.point, density: zone.densityClass, population: zone.population.total)
            zoneDensity[zone.id] = zone.densityClass
        }
        for actor in territory.actors {
            places[.actor(actor.id)] = Place(
                point: actor.point, density: actor.zoneID.flatMap { zoneDensity[$0] }, population: 0)
        }
        self.places = places
    }

    /// Every pair of a stored matrix whose two ends are places of the territory, as samples
    /// (a zone's own pair is left out: it is the intra-zone time, not a trip).
    public func samples(of matrix: String, in database: TerritoryDatabase) throws -> [RoadSample] {
        var samples: [RoadSample] = []
        try database.forEachTravelTime(of: matrix) { origin, destination, time in
            guard origin != destination, let from = places[origin], let to = places[destination] else { return }
            samples.append(
                RoadSample(
                    origin: origin, destination: destination,
                    metres: Geodesic.wgs84.distance(from: from.point, to: to.point),
                    minutes: time.minutes, roadKm: time.km, originDensity: from.density, destinationDensity: to.density
                ))
        }
        return samples
    }
}
