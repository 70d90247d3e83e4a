/// One value per zone to draw on a map and chart: what it is, its unit, and what to highlight.
public struct ZoneLayer: Sendable {
    /// What the value measures, as a heading (`Minutes to the nearest emergency department`).
    public var title: String
    /// The unit, as the legend says it (`minutes by road`).
    public var unit: String
    /// The value of each zone; a zone left out or NaN has no value.
    public var values: [String: Double]
    /// Zones to outline, such as those beyond a coverage threshold.
    public var highlighted: Set<String>
    /// What the outline means (`beyond 30 min`), when zones are highlighted.
    public var highlightLabel: String?
    /// A value to mark on the histogram (a coverage threshold).
    public var threshold: Double?
    /// Which actors the map draws besides hospitals.
    public var sites: SiteSelection
    /// How values become colours: quantile classes, or differences centred on 0.
    public var colouring: Colouring = .quantiles
    /// Draw every place of care (GPs, home care, nursing homes) with a symbol for its kind.
    public var actorsByKind = false
    /// Words added to an actor's tooltip, by actor id (its occupancy in a simulation).
    public var actorNotes: [String: String] = [:]

    /// How a map colours the values.
    public enum Colouring: Sendable {
        /// Quantile classes of a sequential palette.
        case quantiles
        /// Differences in a diverging palette centred on 0; zones outside `significant` are grey.
        case diverging(significant: Set<String>)
    }

    /// A layer coloured by quantiles, drawing no place of care besides hospitals and `sites`.
    public init(
        title: String, unit: String, values: [String: Double], highlighted: Set<String> = [],
        highlightLabel: String? = nil,
        threshold: Double? = nil, sites: SiteSelection = SiteSelection()
    ) {
        self.title = title
        self.unit = unit
        self.values = values
        self.highlighted = highlighted
        self.highlightLabel = highlightLabel
        self.threshold = threshold
        self.sites = sites
    }

    /// The value of a zone, NaN when it has none.
    public func value(of zoneID: String) -> Double { values[zoneID] ?? .nan }
}
