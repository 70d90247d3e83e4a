import MaillageStore

/// Says whether a matrix id names a zone or an actor of the territory.
struct EndpointResolver {
    /// What an id turned out to be.
    enum Resolution {
        case found(TravelEndpoint)
        /// Neither a zone nor an actor (of the kind asked for, when one was).
        case unknown
        /// Both a zone and an actor, with no `--origins`/`--destinations` to choose.
        case ambiguous
    }

    let zones: Set<String>
    let actors: Set<String>

    /// Resolves an id, among `kind` only when given.
    func resolve(_ id: String, as kind: TravelEndpoint.Kind?) -> Resolution {
        switch kind {
        case .zone?: return zones.contains(id) ? .found(.zone(id)) : .unknown
        case .actor?: return actors.contains(id) ? .found(.actor(id)) : .unknown
        case nil:
            switch (zones.contains(id), actors.contains(id)) {
            case (true, true): return .ambiguous
            case (true, false): return .found(.zone(id))
            case (false, true): return .found(.actor(id))
            case (false, false): return .unknown
            }
        }
    }
}
