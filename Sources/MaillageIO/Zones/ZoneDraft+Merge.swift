import MaillageCore

/// What the file is, for the provenance of the zones it touches.
struct ZoneSourceDescription {
    /// The file's name without its folder (provenance must not depend on where it was read).
    let fileName: String
    let populationField: String?
    let bandFields: [String]
    /// How the point was obtained when the draft has a boundary and no explicit position.
    let centroidMethod: String?
}

extension ZoneDraft {
    /// The zone to store: this draft's attributes over the existing zone's.
    ///
    /// Merge rules, so that a GeoJSON of boundaries imported after a CSV of populations (or
    /// the other way round) completes zones instead of wiping them:
    /// - name, point, boundary and density class: the draft's when given, else the stored ones;
    /// - population: the draft's total when given, with the draft's bands, or else the stored
    ///   bands when they still add up to the new total (otherwise the bands are dropped);
    ///   a draft without a population keeps the stored total and bands;
    /// - provenance: the stored clauses, with this file's clauses set.
    ///
    /// Returns nil when neither the draft nor the database gives the zone a point.
    func zone(over existing: Zone?, source: ZoneSourceDescription) throws -> Zone? {
        guard let point = point ?? existing?.point else { return nil }
        var provenance = Provenance(existing?.provenance)
        provenance.set("zone", source.fileName)
        if boundary != nil {
            provenance.set(
                "point", pointIsCentroid ? (source.centroidMethod ?? "centroid") : "given in \(source.fileName)")
        }
        if mergedCodes.count > 1 { provenance.set("merged codes", mergedCodes.joined(separator: " ")) }
        let population = try resolvedPopulation(existing: existing?.population, provenance: &provenance, source: source)
        return try Zone(
            id: id, name: name ?? existing?.name ?? id, point: point, boundary: boundary ?? existing?.boundary,
            population: population, densityClass: density ?? existing?.densityClass, provenance: provenance.text
        )
    }

    private func resolvedPopulation(
        existing: Population?, provenance: inout Provenance, source: ZoneSourceDescription
    ) throws -> Population {
        guard let total = population else { return existing ?? .zero }
        provenance.set(
            "population", "\(source.fileName) (\(source.populationField ?? source.bandFields.joined(separator: "+")))")
        if !bands.isEmpty {
            provenance.set("age bands", "\(source.fileName) (\(source.bandFields.joined(separator: ", ")))")
            return try Population(total: total, byBand: bands)
        }
        if let existing, !existing.bands.isEmpty,
            let kept = try? Population(total: total, bands: existing.bands, counts: existing.counts)
        {
            return kept
        }
        provenance.remove("age bands")
        return try Population(total: total)
    }

    /// Combines the drafts a code map sends to one zone (merged communes).
    ///
    /// The draft whose own code is the new code (the absorbing commune) gives the name,
    /// point and density; populations and bands are summed (bands only when every part has
    /// them); boundaries are gathered into one multipolygon, not dissolved, and a centroid
    /// point is recomputed from them by `centroid`.
    static func combine(_ parts: [ZoneDraft], as id: String, centroid: (Boundary) throws -> GeoPoint) throws
        -> ZoneDraft
    {
        guard var merged = parts.first(where: { $0.id == id }) ?? parts.first else {
            throw ValidationError(field: "zone.id", reason: "no zone to merge into \(id)")
        }
        merged.mergedCodes = parts.map(\.id)
        merged.id = id
        guard parts.count > 1 else { return merged }
        let populations = parts.compactMap(\.population)
        merged.population = populations.isEmpty ? nil : populations.reduce(0, +)
        let withBands = parts.filter { !$0.bands.isEmpty }
        merged.bands =
            withBands.count == populations.count && !withBands.isEmpty
            ? withBands.reduce(into: [:]) { sum, part in sum.merge(part.bands, uniquingKeysWith: +) }
            : [:]
        let boundaries = parts.compactMap(\.boundary)
        if !boundaries.isEmpty {
            let union = try Boundary(polygons: boundaries.flatMap(\.polygons))
            merged.boundary = union
            if merged.pointIsCentroid || merged.point == nil {
                merged.point = try centroid(union)
                merged.pointIsCentroid = true
            }
        }
        if merged.point == nil { merged.point = parts.lazy.compactMap(\.point).first }
        return merged
    }
}
