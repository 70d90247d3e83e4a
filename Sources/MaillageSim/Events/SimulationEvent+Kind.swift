extension SimulationEvent {
    /// The kinds of event, by the names event files (`"type": "surge"`) and scenario files
    /// (`- surge: {…}`) use.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// An actor closes (all day, or at night only).
        case close
        /// An actor's capacity in one measure changes.
        case capacity
        /// Needs in some zones are multiplied by a factor.
        case surge
        /// Travel times from some zones are multiplied by a factor.
        case slowTravel = "slow_travel"
        /// Needs rise to a peak and fall back, by age band.
        case epidemic

        /// The name as files and commands write it.
        public var description: String { rawValue }

        /// The keys an event of this kind reads in an event file (keys starting with `_` are comments).
        public var eventFileKeys: Set<String> {
            switch self {
            case .close: ["type", "actor", "from", "to", "night_only"]
            case .capacity: ["type", "actor", "measure", "value", "from", "to"]
            case .surge: ["type", "zones", "factor", "needs", "from", "to"]
            case .slowTravel: ["type", "zones", "factor", "from", "to"]
            case .epidemic: ["type", "zones", "from", "peak", "to", "intensity", "needs"]
            }
        }
    }
}
