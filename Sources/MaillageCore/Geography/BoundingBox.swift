/// The smallest longitude/latitude rectangle holding a set of points.
public struct BoundingBox: Sendable, Hashable, Codable {
    /// The westernmost longitude, in degrees.
    public var minLongitude: Double
    /// The southernmost latitude, in degrees.
    public var minLatitude: Double
    /// The easternmost longitude, in degrees.
    public var maxLongitude: Double
    /// The northernmost latitude, in degrees.
    public var maxLatitude: Double

    /// A rectangle from its corners, in degrees; the caller keeps min ≤ max.
    public init(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
        self.minLongitude = minLongitude
        self.minLatitude = minLatitude
        self.maxLongitude = maxLongitude
        self.maxLatitude = maxLatitude
    }

    /// The box around the points, or nil when there are none.
    public init?<S: Sequence>(enclosing points: S) where S.Element == GeoPoint {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(
            minLongitude: first.longitude, minLatitude: first.latitude,
            maxLongitude: first.longitude, maxLatitude: first.latitude
        )
        while let point = iterator.next() { include(point) }
    }

    /// Grows the box so that it holds the point.
    public mutating func include(_ point: GeoPoint) {
        minLongitude = Swift.min(minLongitude, point.longitude)
        maxLongitude = Swift.max(maxLongitude, point.longitude)
        minLatitude = Swift.min(minLatitude, point.latitude)
        maxLatitude = Swift.max(maxLatitude, point.latitude)
    }

    /// Whether the point lies inside the box or on its edge.
    public func contains(_ point: GeoPoint) -> Bool {
        (minLongitude...maxLongitude).contains(point.longitude)
            && (minLatitude...maxLatitude).contains(point.latitude)
    }
}
