/// The location models, by the names `maillage locate` takes (`lscp`, `mclp`, `pmedian`, `pcenter`).
public enum LocationModelName: String, Sendable, Hashable, Codable, CaseIterable {
    /// Location set covering: the fewest sites that cover every zone within the limit.
    case lscp
    /// Maximal covering: p sites covering the most people within the limit.
    case mclp
    /// p-median: p sites minimising the people-weighted travel time.
    case pmedian
    /// p-center: p sites minimising the longest travel time.
    case pcenter

    /// The direction of travel the model reads by default (`indicators.md`): covering a
    /// site's catchment reads site → zone; a patient's trip reads zone → site.
    public var defaultDirection: LocationDirection {
        switch self {
        case .lscp, .mclp: .siteToZone
        case .pmedian, .pcenter: .zoneToSite
        }
    }
}

/// What the chosen sites should achieve, beside the model's own objective.
public enum LocationObjective: String, Sendable, Hashable, Codable, CaseIterable {
    /// The model's own objective: coverage (LSCP, MCLP) or distance (p-median, p-center).
    case model
    /// Raise the access (E2SFCA) of the worst-served tenth of the population.
    case maximinAccess = "maximin-access"
}
