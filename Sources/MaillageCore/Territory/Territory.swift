/// A whole care-network territory: where people live, who cares for them, and how they are linked.
///
/// A territory is consistent by construction: ids are unique, every reference (an actor's
/// zone, a link's ends, a population's age band) names something that exists, and
/// `member_of` links end at a CPTS.
public struct Territory: Sendable, Hashable {
    /// A human name, such as "Haute-Garonne" or "Demo".
    public let name: String
    /// The CRS the data came in before conversion to WGS84 (`EPSG:2154`), when there was one.
    public let sourceCRS: String?
    /// The age bands populations are counted in, youngest first.
    public let ageBands: [AgeBand]
    /// The zones where people live, in the order given; results per zone follow it.
    public let zones: [Zone]
    /// The care network's actors.
    public let actors: [Actor]
    /// The links between actors (and from actors to zones), each checked against them.
    public let links: [Link]

    /// A territory whose parts are consistent.
    ///
    /// - Throws: ``ValidationError`` when the age bands do not tile the ages, an id is given twice, a zone's bands do
    ///   not fit `ageBands`, or a link names an actor or zone that is not there.
    public init(
        name: String, sourceCRS: String? = nil, ageBands: [AgeBand] = AgeBand.insee,
        zones: [Zone] = [], actors: [Actor] = [], links: [Link] = []
    ) throws {
        try AgeBand.validateTiling(ageBands)
        self.name = name
        self.sourceCRS = sourceCRS
        self.ageBands = ageBands
        self.zones = zones
        self.actors = actors
        self.links = links
        try validateReferences()
    }

    /// Everyone living in the territory.
    public var population: Double { zones.reduce(0) { $0 + $1.population.total } }

    /// The box around every zone and actor, or nil for an empty territory.
    public var boundingBox: BoundingBox? {
        BoundingBox(enclosing: zones.lazy.map(\.point) + actors.lazy.map(\.point))
    }

    /// How many actors there are of each kind (kinds with none are left out).
    public var actorCounts: [ActorKind: Int] {
        actors.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}

extension Territory {
    private func validateReferences() throws {
        let bands = Set(ageBands)
        var zoneIDs = Set<String>(minimumCapacity: zones.count)
        for zone in zones {
            guard zoneIDs.insert(zone.id).inserted else {
                throw ValidationError(
                    field: "zone.id",
                    reason:
                        "zone \(zone.id) appears twice (stored in two Unicode forms by an older version? repairing the database rewrites them in one)",
                    remedy: .repairStoredIDs
                )
            }
            for band in zone.population.bands where !bands.contains(band) {
                throw ValidationError(
                    field: "zone \(zone.id).population",
                    reason: "age band \(band) is not one of the territory's bands \(ageBands.map(\.id))"
                )
            }
        }
        var kinds = [String: ActorKind](minimumCapacity: actors.count)
        for actor in actors {
            guard kinds.updateValue(actor.kind, forKey: actor.id) == nil else {
                throw ValidationError(
                    field: "actor.id",
                    reason:
                        "actor \(actor.id) appears twice (stored in two Unicode forms by an older version? repairing the database rewrites them in one)",
                    remedy: .repairStoredIDs
                )
            }
            if let zoneID = actor.zoneID, !zoneIDs.contains(zoneID) {
                throw ValidationError(field: "actor \(actor.id).zone_id", reason: "zone \(zoneID) does not exist")
            }
        }
        for link in links {
            try Self.validate(link, actorKinds: kinds, zoneIDs: zoneIDs)
        }
    }

    /// Checks that a link's ends exist and suit its kind.
    public static func validate(_ link: Link, actorKinds: [String: ActorKind], zoneIDs: Set<String>) throws {
        // Named only when refused: a grid territory has half a million links to check.
        var place: String { "link \(link.from) \(link.kind) \(link.to)" }
        guard actorKinds[link.from] != nil else {
            throw ValidationError(field: place, reason: "actor \(link.from) does not exist")
        }
        if link.kind.targetsZone {
            guard zoneIDs.contains(link.to) else {
                throw ValidationError(field: place, reason: "zone \(link.to) does not exist")
            }
            return
        }
        guard let targetKind = actorKinds[link.to] else {
            throw ValidationError(field: place, reason: "actor \(link.to) does not exist")
        }
        if link.kind == .memberOf, targetKind != .cpts {
            throw ValidationError(field: place, reason: "member_of must end at a cpts, not at a \(targetKind)")
        }
    }
}
