extension Territory {
    /// FNV-1a over the zones (points, populations, bands), actors (with capacities and
    /// services) and links, then `extra`: two territories with the same fingerprint hold the
    /// same content for accessibility and simulation.
    public func contentFingerprint(extra: [String] = []) -> String {
        var fingerprint = Fingerprint()
        func mix(_ text: String) { fingerprint.mix(text) }
        for zone in zones {
            mix("\(zone.id),\(zone.point.longitude),\(zone.point.latitude),\(zone.population.total)")
            for band in ageBands { mix("\(zone.population[band] ?? -1)") }
        }
        for actor in actors {
            mix("\(actor.id),\(actor.kind),\(actor.point.longitude),\(actor.point.latitude),\(actor.services)")
            for capacity in actor.capacities { mix("\(capacity.measure)=\(capacity.value)") }
            // Mixed only when given, so that territories without it keep the fingerprints they had.
            if let year = actor.practiceStartYear { mix("practice_start_year=\(year)") }
        }
        for link in links { mix("\(link.from) \(link.kind) \(link.to) \(link.strength)") }
        extra.forEach(mix)
        return fingerprint.hex
    }
}
