import Foundation
import MaillageCore
import MaillageFormats
import MaillageGeo
import MaillageStore

/// `maillage travel line`: the straight-line model's own times for the pairs a planner
/// would route (zones to actors by default), written in the matrix CSV layout
/// (`origin_id,destination_id,minutes,km`, with the geodesic km in `straight_km`), so that it
/// reads back with `import matrix` and lines up with an OSRM matrix's export.
public struct LineTimes: Sendable {
    /// The origins: the zones by default.
    public var from = EndpointSelection.zones
    /// The destinations: every actor by default.
    public var to = EndpointSelection.actors(nil)
    /// Keep only pairs of at most this many minutes; every pair when nil.
    public var limitMinutes: Double?
    /// Use the built-in defaults even when the database has a fitted model.
    public var defaults = false

    /// Every zone to every actor, with the model in force.
    public init() {}

    /// What was written.
    public struct Report: Sendable, Encodable {
        /// The number of pairs written.
        public let pairs: Int
        /// The model used: `defaults` or `fitted vN`.
        public let model: String
    }

    /// Writes the CSV to `path` (atomically: a failure leaves no half file).
    public func write(from database: TerritoryDatabase, to path: String) throws -> Report {
        let territory = try database.loadTerritory()
        let (fitted, record) = try StoredLineModel.inForce(in: database)
        let model = defaults ? StraightLineModel.calibrated : fitted
        let places = TerritoryPlaces(territory)
        let origins = from.points(of: territory)
        let destinations = to.points(of: territory)
        var text = "origin_id,destination_id,minutes,straight_km\r\n"
        var pairs = 0
        for origin in origins {
            let a = places.places[origin.endpoint]!
            for destination in destinations where destination.endpoint != origin.endpoint {
                let b = places.places[destination.endpoint]!
                let metres = Geodesic.wgs84.distance(from: a.point, to: b.point)
                let minutes = model.minutes(metres: metres, from: a.density, to: b.density)
                if let limitMinutes, minutes > limitMinutes { continue }
                text +=
                    Self.csv(origin.endpoint.id) + "," + Self.csv(destination.endpoint.id)
                    + ",\(minutes),\(metres / 1000)\r\n"
                pairs += 1
            }
        }
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: error])
        }
        return Report(pairs: pairs, model: defaults || record == nil ? "defaults" : "fitted v\(record!.version)")
    }

    /// A field quoted by the one CSV writer's rules (``CSVText/field(_:delimiter:)``).
    static func csv(_ field: String) -> String { CSVText.field(field) }
}
