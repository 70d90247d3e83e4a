import MaillageCore

/// A matrix entry read as a catchment graph's pair: the origin is a zone, the destination a
/// site, the value minutes.
extension MatrixEntry {
    /// A travel time between a zone and a site, by their positions (fewer than 2³¹ of each).
    public init(zone: Int, site: Int, minutes: Double) {
        self.init(origin: zone, destination: site, value: minutes)
    }

    /// The zone's position.
    public var zone: Int { Int(origin) }

    /// The site's position.
    public var site: Int { Int(destination) }

    /// The travel time.
    public var minutes: Double { value }
}
