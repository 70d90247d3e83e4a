/// Which columns (CSV) or properties (GeoJSON) hold a zone's attributes.
///
/// Each name left nil is looked for among the usual names, in order: the agreed convention
/// first (`id`, `name`, `population`, `density_class`), then the names INSEE and IGN files
/// use (`code_insee`, `CODGEO`, `COM`, `code`; `nom`, `LIBGEO`; `PMUN`, `Pyy_POP`).
public struct ZoneColumns: Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var population: String?
    public var density: String?

    public init(id: String? = nil, name: String? = nil, population: String? = nil, density: String? = nil) {
        self.id = id
        self.name = name
        self.population = population
        self.density = density
    }

    static let idDefaults = ["id", "code_insee", "codgeo", "com", "code"]
    static let nameDefaults = ["name", "nom", "libgeo", "commune"]
    static let populationDefaults = ["population", "pmun"]
    static let densityDefaults = ["density_class"]
}
