import MaillageCore

/// A territory's zones and actors placed on the page once, for every map of a report.
package struct ProjectedTerritory: Sendable {
    /// A zone's shape on the page: its polygons' rings, or its point when it has no outline.
    package enum Shape: Sendable {
        case polygons([[[PagePoint]]])
        case point(PagePoint)
    }

    /// A position on the page, in page units, y downwards.
    package typealias PagePoint = (x: Double, y: Double)

    /// A zone with its shape on the page.
    package struct PlacedZone: Sendable {
        /// The zone, with its id, name and population for tooltips.
        package let zone: Zone
        /// Its outline or point on the page.
        package let shape: Shape
    }

    /// An actor with its position on the page.
    package struct PlacedActor: Sendable {
        /// The actor, with its kind, name and services for symbols and tooltips.
        package let actor: Actor
        /// Where it is drawn.
        package let position: PagePoint
    }

    /// The plane the territory was projected into.
    package let projection: MapProjection
    /// How projected metres map to the page.
    package let frame: MapFrame
    /// Every zone, in the territory's order.
    package let zones: [PlacedZone]
    /// Every actor, in the territory's order.
    package let actors: [PlacedActor]

    /// Whether every zone is drawn as a point (a generated territory has no outlines).
    package var zonesArePoints: Bool {
        zones.allSatisfy { if case .point = $0.shape { true } else { false } }
    }

    /// Projects every zone outline (or point) and actor in one call into PROJ and fits them
    /// into a `width` × at most `maxHeight` frame.
    ///
    /// - Throws: `ProjError` when a position cannot be projected.
    package init(_ territory: Territory, projection: MapProjection, width: Double, maxHeight: Double, margin: Double)
        throws
    {
        var points: [GeoPoint] = []
        for zone in territory.zones {
            if let boundary = zone.boundary {
                for polygon in boundary.polygons { for ring in polygon { points += ring } }
            } else {
                points.append(zone.point)
            }
        }
        let zonePointCount = points.count
        points += territory.actors.map(\.point)
        let projected = try projection.project(points)
        frame = MapFrame(fitting: projected, width: width, maxHeight: maxHeight, margin: margin)
        let placed = projected.map(frame.place)

        var next = 0
        func take(_ count: Int) -> [PagePoint] {
            defer { next += count }
            return Array(placed[next..<next + count])
        }
        zones = territory.zones.map { zone in
            guard let boundary = zone.boundary else { return PlacedZone(zone: zone, shape: .point(take(1)[0])) }
            return PlacedZone(zone: zone, shape: .polygons(boundary.polygons.map { $0.map { take($0.count) } }))
        }
        actors = zip(territory.actors, placed[zonePointCount...]).map { PlacedActor(actor: $0, position: $1) }
        self.projection = projection
    }
}
