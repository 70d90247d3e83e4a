import Foundation
import MaillageCore
import MaillageStore

/// A road sample completed into a full matrix: every pair between the kinds of places the
/// sample joins, its road time where the fit saw it, ``LocalRoadModel``'s time elsewhere,
/// within a limit.
public struct MatrixCompletion: Sendable {
    /// The name of the matrix to write.
    public var name: String
    /// Pairs longer than this, in minutes, are left out (the matrix is sparse).
    public var limitMinutes: Double = 90

    /// A completion into matrix `name`, within 90 minutes.
    public init(name: String) {
        self.name = name
    }

    /// What a completion found and wrote.
    public struct Report: Sendable, Encodable {
        /// The matrix written (or that would be written).
        public let matrix: String
        /// Pairs it holds.
        public let pairs: Int
        /// Of which road times from the training pairs.
        public let roadPairs: Int
        /// The local model's errors on the held-out pairs, by distance band.
        public let heldOutByBand: [String: ErrorSummary]
        /// The local model's errors on every held-out pair.
        public let heldOut: ErrorSummary
    }

    /// The local model fitted on `training`, judged on `heldOut`.
    static func model(training: [RoadSample], places: TerritoryPlaces) -> LocalRoadModel {
        LocalRoadModel.fit(
            training.map { sample in
                LocalRoadModel.Trip(
                    origin: sample.origin, originPoint: places.places[sample.origin]!.point,
                    destination: sample.destination, destinationPoint: places.places[sample.destination]!.point,
                    minutes: sample.minutes)
            })
    }

    /// Fits, judges and, when `writer` is given, writes the completed matrix in its transaction.
    ///
    /// - Throws: `ValidationError` when no pair is within the limit (the transaction then
    ///   stores nothing, not even the fit); store errors.
    func run(
        training: [RoadSample], heldOut: [RoadSample], territory: Territory, places: TerritoryPlaces,
        description: String, writer: TerritoryWriter?
    ) throws -> Report {
        let model = Self.model(training: training, places: places)
        // In the held-out pairs' order: the bias sums them, and a dictionary's order changes by run.
        var errors: [(band: String, error: Double)] = []
        for sample in heldOut {
            let minutes = model.minutes(
                from: model.terms(of: sample.origin, at: places.places[sample.origin]!.point),
                to: model.terms(of: sample.destination, at: places.places[sample.destination]!.point))
            errors.append((DistanceBand.label(forKm: sample.metres / 1000), minutes - sample.minutes))
        }
        let bands = Dictionary(grouping: errors, by: \.band).mapValues { ErrorSummary(errors: $0.map(\.error)) }
        let inserter = try writer.map {
            try $0.replaceTravelMatrix(
                TravelMatrixDefinition(name: name, isDirected: true, description: description)
            ).inserter
        }
        let (pairs, roadPairs) = try complete(
            model: model, training: training, territory: territory, places: places, into: inserter)
        guard pairs > 0 else {
            // Never replace a matrix of that name with nothing.
            throw ValidationError(
                field: "limit",
                reason: "no pair of the completed matrix '\(name)' is within \(limitMinutes) minutes; nothing stored")
        }
        try inserter?.finish()
        return Report(
            matrix: name, pairs: pairs, roadPairs: roadPairs, heldOutByBand: bands,
            heldOut: ErrorSummary(errors: errors.map(\.error)))
    }

    /// Every pair within the limit, the road time where the fit saw it, the model's elsewhere,
    /// handed to `inserter` (none: only counted); returns the pairs and how many are road times.
    private func complete(
        model: LocalRoadModel, training: [RoadSample], territory: Territory, places: TerritoryPlaces,
        into inserter: TravelTimeInserter?
    ) throws -> (pairs: Int, roadPairs: Int) {
        let origins = Self.endpoints(territory, kinds: Set(training.map(\.origin.kind)))
        let destinations = Self.endpoints(territory, kinds: Set(training.map(\.destination.kind)))
        var road: [TravelEndpoint: [TravelEndpoint: RoadSample]] = [:]
        for sample in training { road[sample.origin, default: [:]][sample.destination] = sample }
        let targets = destinations.map { ($0, model.terms(of: $0, at: places.places[$0]!.point)) }
        var (pairs, roadPairs) = (0, 0)
        // No road trip averages more than 130 km/h as the crow flies: farther pairs are skipped
        // before the model is asked (a national territory has a billion pairs).
        let reachKm = limitMinutes / 60 * LineModelFit.maximumSpeed
        for origin in origins {
            let start = model.terms(of: origin, at: places.places[origin]!.point)
            let known = road[origin] ?? [:]
            for (destination, end) in targets where destination != origin {
                let sample = known[destination]
                guard sample != nil || model.straightKm(from: start, to: end) <= reachKm else { continue }
                let minutes = sample?.minutes ?? model.minutes(from: start, to: end)
                guard minutes <= limitMinutes else { continue }
                try inserter?.add(from: origin, to: destination, minutes: minutes, km: sample?.roadKm)
                pairs += 1
                if sample != nil { roadPairs += 1 }
            }
        }
        return (pairs, roadPairs)
    }

    /// The territory's zones and/or actors, in its order.
    private static func endpoints(_ territory: Territory, kinds: Set<TravelEndpoint.Kind>) -> [TravelEndpoint] {
        (kinds.contains(.zone) ? territory.zones.map { TravelEndpoint.zone($0.id) } : [])
            + (kinds.contains(.actor) ? territory.actors.map { TravelEndpoint.actor($0.id) } : [])
    }
}
