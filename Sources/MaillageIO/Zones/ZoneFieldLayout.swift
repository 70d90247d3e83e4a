import MaillageCore

/// The fields a file actually uses for a zone's attributes, resolved from its column or
/// property names and the names given on the command line.
struct ZoneFieldLayout {
    /// The id field, or nil when none of the candidates is there.
    let id: String?
    let name: String?
    let population: String?
    let density: String?
    let bands: [(field: String, band: AgeBand)]

    /// Resolves the layout; an explicitly named field is taken as given even when absent, so
    /// that the caller can say it is missing.
    init(names: [String], columns: ZoneColumns) throws {
        id = Self.pick(columns.id, defaults: ZoneColumns.idDefaults, in: names)
        name = Self.pick(columns.name, defaults: ZoneColumns.nameDefaults, in: names)
        bands = try AgeBandColumns.find(in: names)
        population =
            Self.pick(columns.population, defaults: ZoneColumns.populationDefaults, in: names)
            ?? AgeBandColumns.inseeTotal(in: names)
        density = Self.pick(columns.density, defaults: ZoneColumns.densityDefaults, in: names)
    }

    /// The explicit name, or the first default present (ignoring case).
    static func pick(_ explicit: String?, defaults: [String], in names: [String]) -> String? {
        if let explicit { return explicit }
        for candidate in defaults {
            if let name = names.first(where: { $0.lowercased() == candidate }) { return name }
        }
        return nil
    }

    /// The explicitly named fields that are not among `names`.
    static func missing(_ columns: ZoneColumns, in names: [String]) -> [String] {
        let lower = Set(names.map { $0.lowercased() })
        return [columns.id, columns.name, columns.population, columns.density]
            .compactMap { $0 }.filter { !lower.contains($0.lowercased()) }
    }
}
