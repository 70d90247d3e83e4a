/// Which columns (CSV) or properties (GeoJSON) hold a zone's attributes.
///
/// Each name left nil is looked for among the usual names, in order: the agreed convention
/// first (`id`, `name`, `population`, `density_class`), then the names INSEE and IGN files
/// use (`code_insee`, `CODGEO`, `COM`, `code`; `nom`, `LIBGEO`; `PMUN`, `Pyy_POP`).
public struct ZoneColumns: Sendable, Equatable {
    /// The zone id column (INSEE commune code); nil looks for `id`, `code_insee`, `CODGEO`, `COM`, `code`.
    public var id: String?
    /// The zone name column; nil looks for `name`, `nom`, `LIBGEO`.
    public var name: String?
    /// The population column; nil looks for `population`, `PMUN`, `Pyy_POP`.
    public var population: String?
    /// The density class column (INSEE's grid); nil looks for `density_class`.
    public var density: String?

    /// Column names to use; nil ones are looked for among the usual names.
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
