import MaillageCore

/// RFC 7946's right-hand rule: exterior rings counter-clockwise, holes clockwise.
///
/// Sources disagree (shapefiles wind exteriors clockwise), so exports reorient rings by
/// the sign of their area rather than trusting the stored order.
package enum RingOrientation {
    /// Twice the ring's signed area in square degrees (shoelace formula on longitude, latitude):
    /// positive when the ring turns counter-clockwise.
    package static func signedDoubleArea(_ ring: Boundary.Ring) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { sum, edge in
            sum + (edge.0.longitude * edge.1.latitude - edge.1.longitude * edge.0.latitude)
        }
    }

    /// The polygon with its exterior counter-clockwise and its holes clockwise.
    package static func rightHanded(_ polygon: Boundary.Polygon) -> Boundary.Polygon {
        polygon.enumerated().map { index, ring in
            let counterClockwise = signedDoubleArea(ring) > 0
            return counterClockwise == (index == 0) ? ring : ring.reversed()
        }
    }
}
