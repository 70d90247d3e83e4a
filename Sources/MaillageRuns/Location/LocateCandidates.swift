import Foundation
import MaillageAccess
import MaillageCore
import MaillageFormats
import MaillageIO

/// The candidate sites of a `locate` run: where they are, where they stand in a travel
/// matrix, and how many people each can serve.
public struct LocateCandidate: Sendable {
    /// The site's id: an actor's, a file's, or `zone:<id>` for a zone's point.
    public var id: String
    /// Where the site is.
    public var point: GeoPoint
    /// "new", "existing" (an actor to choose among) or "kept" (open before and after).
    public var status: String
    /// The density class of the site's zone, for the straight-line model.
    public var density: DensityClass?
    /// How it is found in a matrix: its own rows (an actor id) or its zone's.
    public var endpoint: CatchmentGraph.SiteEndpoint
    /// Capacity in the capacity measure's unit, when known.
    public var capacity: Double?
    /// Where it came from, for error messages (file and line).
    public var source: String?
}

extension LocationRequest {
    /// Reads the candidates the request names.
    func readCandidates(territory: Territory, existing: [Actor], measure: CapacityMeasure?) throws -> [LocateCandidate]
    {
        let density = Dictionary(territory.zones.map { ($0.id, $0.densityClass) }, uniquingKeysWith: { a, _ in a })
        switch candidates {
        case .zones:
            return territory.zones.map {
                LocateCandidate(
                    id: "zone:\($0.id)", point: $0.point, status: "new", density: $0.densityClass,
                    endpoint: .init(actorID: "zone:\($0.id)", zoneID: $0.id), capacity: capacity)
            }
        case .actors:
            guard !existing.isEmpty else {
                throw LocationRunError(
                    "the territory has no actor of kind \(kindLabel) to choose from", category: .data)
            }
            return existing.map { actorCandidate($0, status: "existing", density: density, measure: measure) }
        case .file(let path):
            return try readCandidateFile(path)
        }
    }

    func actorCandidate(_ actor: Actor, status: String, density: [String: DensityClass?], measure: CapacityMeasure?)
        -> LocateCandidate
    {
        LocateCandidate(
            id: actor.id, point: actor.point, status: status, density: actor.zoneID.flatMap { density[$0] } ?? nil,
            endpoint: .init(actorID: actor.id, zoneID: actor.zoneID),
            capacity: measure.flatMap { actor.capacity($0)?.value })
    }

    /// A CSV of candidates: `id, lat, lon`, optionally `zone_id` (the zone whose matrix rows
    /// it takes when the matrix does not name it) and `capacity`.
    private func readCandidateFile(_ path: String) throws -> [LocateCandidate] {
        var sites: [LocateCandidate] = []
        let file = try DelimitedFile(path: path)
        try file.requireColumns(["id", "lat", "lon"])
        let positions = try PositionReader(file: file, crs: nil)
        let hasCapacity = file.hasColumn("capacity")
        try file.forEachRecord { record in
            let id = try record.required("id")
            var value = capacity
            if hasCapacity, let given = try record.double("capacity") {
                guard given.isFinite, given >= 0 else {
                    throw record.error("capacity", value: record.string("capacity"), expected: "a capacity ≥ 0")
                }
                value = given
            }
            let zone = record.string("zone_id").flatMap { $0.isEmpty ? nil : $0 }
            sites.append(
                LocateCandidate(
                    id: id, point: try positions.position(of: record).0, status: "new", density: nil,
                    endpoint: .init(actorID: id, zoneID: zone), capacity: value,
                    source: "\(record.file) line \(record.line)"))
        }
        return sites
    }
}

/// Checks that every candidate from a file can be found in the matrix.
enum MatrixCandidateCheck {
    /// The first candidate (in file order) the matrix names neither as itself nor through
    /// its `zone_id`, as an error naming it.
    static func check(_ candidates: [LocateCandidate], pairs: [MatrixPair], matrixName: String) throws {
        var actors = Set<String>()
        var zones = Set<String>()
        for pair in pairs {
            if pair.originIsZone { zones.insert(pair.originID) } else { actors.insert(pair.originID) }
            if pair.destinationIsZone { zones.insert(pair.destinationID) } else { actors.insert(pair.destinationID) }
        }
        for candidate in candidates where candidate.source != nil {
            if actors.contains(candidate.endpoint.actorID) { continue }
            if let zone = candidate.endpoint.zoneID, zones.contains(zone) { continue }
            let through =
                candidate.endpoint.zoneID.map { " nor its zone_id '\($0)'" }
                ?? " (give a zone_id column to use its zone's rows)"
            throw LocationRunError(
                "candidate '\(candidate.id)' (\(candidate.source!)) does not appear in travel matrix '\(matrixName)': neither its id\(through) is an origin or destination of the matrix",
                category: .data)
        }
    }
}
