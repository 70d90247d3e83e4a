import MaillageCore

/// What one row or feature says about a zone, before it meets what the database holds.
///
/// Every attribute is optional except the id: a GeoJSON file without populations, say,
/// updates only the geometry of zones a CSV created (see ``ZoneDraft/zone(over:source:)``).
struct ZoneDraft {
    var id: String
    var name: String?
    /// The zone's point, from lat/lon (or x/y) or the boundary's centroid.
    var point: GeoPoint?
    /// True when ``point`` is the boundary's centroid (recomputed when boundaries merge).
    var pointIsCentroid = false
    var boundary: Boundary?
    var population: Double?
    /// Empty when the source gives no bands.
    var bands: [AgeBand: Double] = [:]
    var density: DensityClass?
    /// The 1-based line of a CSV record, nil for a GeoJSON feature.
    var line: Int?
    /// Where it was read, for messages: `line 12` or `features[3]`.
    var place: String
    /// The codes merged into this zone by a code map (empty without one).
    var mergedCodes: [String] = []
}

extension ZoneDraft {
    /// Reads the attributes every format shares: id, name, population and bands, density.
    ///
    /// - Throws: ``ImportError`` naming the field, for an empty id, a value that is not a
    ///   number, bands given only in part or not adding up to the total, a density outside 1–4.
    static func read(
        _ source: some ZoneFieldSource, layout: ZoneFieldLayout, line: Int?, place: String
    ) throws -> ZoneDraft {
        let idField = layout.id ?? "id"
        guard let id = source.string(idField) else {
            throw source.error(
                idField, value: nil, expected: "a zone id; it is missing or empty (or name the field that holds it)"
            )
            .hinted("id_column")
        }
        do {
            try ValidationError.checkIdentifier(id, field: idField)
        } catch let error as ValidationError {
            throw source.error(idField, value: id, expected: error.reason)
        }
        var draft = ZoneDraft(id: IdentifierText.normalised(id), line: line, place: place)
        draft.name = layout.name.flatMap(source.string)
        try draft.readPopulation(source, layout: layout)
        if let field = layout.density, let value = try source.double(field) {
            // Int(exactly:) refuses 1e20 and infinity, which Int(_:) would trap on.
            guard let whole = Int(exactly: value), let density = DensityClass(rawValue: whole) else {
                throw source.error(field, value: source.string(field), expected: "an INSEE density class 1, 2, 3 or 4")
            }
            draft.density = density
        }
        return draft
    }

    private mutating func readPopulation(_ source: some ZoneFieldSource, layout: ZoneFieldLayout) throws {
        population = try layout.population.flatMap { try source.double($0) }
        var given = [AgeBand: Double]()
        for (field, band) in layout.bands {
            if let value = try source.double(field) { given[band] = value }
        }
        if !given.isEmpty, given.count < layout.bands.count {
            let missing = layout.bands.filter { given[$0.band] == nil }.map(\.field)
            throw source.error(
                missing.joined(separator: ", "), value: nil,
                expected: "a value in every age-band column, or in none; these are empty")
        }
        guard population != nil || !given.isEmpty else { return }
        do {
            let checked = try population.map { try Population(total: $0, byBand: given) } ?? Population(byBand: given)
            population = checked.total
            bands = checked.byBand
        } catch let error as ValidationError {
            if given.isEmpty, let field = layout.population {
                throw source.error(field, value: source.string(field), expected: "a population >= 0")
            }
            let fields = [layout.population].compactMap { $0 } + layout.bands.map(\.field)
            throw source.error(fields.joined(separator: ", "), value: nil, expected: error.reason)
        }
    }
}
