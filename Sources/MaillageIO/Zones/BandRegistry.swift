import MaillageCore
import MaillageFormats
import MaillageStore

/// Makes sure the age bands a zone is counted in are the database's bands, adding INSEE's
/// (or the file's) the first time a territory gets populations by age.
struct BandRegistry {
    private var known: Set<AgeBand>?

    mutating func register(_ zone: Zone, writer: TerritoryWriter, file: String, place: String) throws {
        let bands = Set(zone.population.bands)
        guard !bands.isEmpty else { return }
        if known == nil {
            let stored = try writer.ageBands()
            known = stored.isEmpty ? nil : Set(stored)
        }
        guard let known else {
            try writer.insert(ageBands: bands.sorted())
            self.known = bands
            return
        }
        guard bands.isSubset(of: known) else {
            throw ImportError(
                file: file, field: "population bands",
                expected: "the database's age bands \(known.sorted().map(\.id).joined(separator: ", ")); "
                    + "\(place) (zone \(zone.id)) has \(bands.sorted().map(\.id).joined(separator: ", "))"
            )
        }
    }
}
