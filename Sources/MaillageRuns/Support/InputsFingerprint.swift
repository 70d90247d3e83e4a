import MaillageCore

/// The one recipe of a run's inputs fingerprint: two runs with the same fingerprint were
/// computed from the same inputs.
///
/// FNV-1a (`Fingerprint`) over the territory's content and the run's parameters. A study mixes
/// only the zones and the sites it used (a new pharmacy does not change a GP study's
/// fingerprint); simulations and scenarios mix the whole territory, links included.
public enum InputsFingerprint {
    /// A study's: zones (id, point, population), the sites used (id, point, capacities), parameters.
    public static func study(_ territory: Territory, siteIDs: [String], parameters: String) -> String {
        var fingerprint = Fingerprint()
        // The texts mixed are "lon,lat,population" and "measure=value", added piece by piece.
        for zone in territory.zones {
            fingerprint.mix(zone.id)
            fingerprint.mixPiece(zone.point.longitude)
            fingerprint.mixPiece(",")
            fingerprint.mixPiece(zone.point.latitude)
            fingerprint.mixPiece(",")
            fingerprint.mixPiece(zone.population.total)
            fingerprint.endText()
        }
        let sites = Set(siteIDs)
        for actor in territory.actors where sites.contains(actor.id) {
            fingerprint.mix(actor.id)
            fingerprint.mixPiece(actor.point.longitude)
            fingerprint.mixPiece(",")
            fingerprint.mixPiece(actor.point.latitude)
            fingerprint.endText()
            for capacity in actor.capacities {
                fingerprint.mixPiece(capacity.measure.description)
                fingerprint.mixPiece("=")
                fingerprint.mixPiece(capacity.value)
                fingerprint.endText()
            }
        }
        fingerprint.mix(parameters)
        return fingerprint.hex
    }

    /// A simulation's or a scenario's: zones, actors (capacities, services), links, then `extra`
    /// (the parameters and events JSON).
    public static func territory(_ territory: Territory, extra: [String] = []) -> String {
        territory.contentFingerprint(extra: extra)
    }
}
