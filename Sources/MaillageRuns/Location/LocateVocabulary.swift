import MaillageAccess

/// The location models `maillage locate` offers.
public enum LocateModelName: String, CaseIterable, Codable, Sendable {
    case lscp, mclp, pmedian, pcenter

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
public enum LocateObjective: String, CaseIterable, Codable, Sendable {
    /// The model's own objective: coverage (LSCP, MCLP) or distance (p-median, p-center).
    case model
    /// Raise the access (E2SFCA) of the worst-served tenth of the population.
    case maximinAccess = "maximin-access"
}
