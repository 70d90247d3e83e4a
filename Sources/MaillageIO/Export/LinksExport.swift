import MaillageCore
import MaillageFormats

/// Links as the links importer reads them: `from, to, kind, strength`; in GeoJSON, a line
/// from the actor to its target (an actor, or a zone's point for `covers`), for maps.
struct LinksExport {
    let territory: Territory

    static let header = ["from", "to", "kind", "strength"]

    func rows(_ write: ([String]) throws -> Void) throws {
        for link in territory.links {
            try write([link.from, link.to, link.kind.rawValue, NumberText.format(link.strength)])
        }
    }

    var features: [String] {
        let actors = Dictionary(territory.actors.map { ($0.id, $0.point) }, uniquingKeysWith: { first, _ in first })
        let zones = Dictionary(territory.zones.map { ($0.id, $0.point) }, uniquingKeysWith: { first, _ in first })
        return territory.links.compactMap { link in
            guard let from = actors[link.from], let to = link.kind.targetsZone ? zones[link.to] : actors[link.to] else {
                return nil
            }
            return GeoJSONText.feature(
                id: "\(link.from) \(link.kind.rawValue) \(link.to)", geometry: GeoJSONText.lineString([from, to]),
                properties: [
                    ("from", .string(link.from)), ("to", .string(link.to)), ("kind", .string(link.kind.rawValue)),
                    ("strength", .number(link.strength)),
                ]
            )
        }
    }
}
