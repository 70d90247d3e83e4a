import MaillageFormats

/// Which services a SAE row grants a site.
///
/// `URGENCES_<year>.csv` has, per site, `AUTSU` (authorised to run an emergency structure)
/// and its kinds: `AUTGEN` general, `AUTPED` paediatric, `AUTSAIS` seasonal (`EMG`, not used,
/// is left aside). In 2020 every row has AUTSU = 1; most have AUTGEN = 1, some only AUTPED
/// (children's hospitals). So:
///
/// | flags | service |
/// |---|---|
/// | AUTSU = 1 and AUTGEN = 1 | `emergency` (a general emergency department) |
/// | AUTSU = 1 and AUTPED = 1 | `paediatric_emergency` |
/// | AUTSU = 1, AUTSAIS = 1, AUTGEN = 0 | `seasonal_emergency` |
///
/// A row with none of these is skipped. In `SMURSAMU_<year>.csv`, `SMUR` = 1 gives `smur`
/// (a mobile emergency unit leaves from the site) and `SAMU` = 1 gives `samu` (the call centre).
enum EmergencyAuthorisation {
    static let emergency = "emergency"
    static let paediatric = "paediatric_emergency"
    static let seasonal = "seasonal_emergency"
    static let smur = "smur"
    static let samu = "samu"

    /// The FINESS activity code of emergency medicine (`médecine d'urgence`).
    static let finessActivity = 14

    /// The services of a row of `URGENCES_<year>.csv`.
    static func services(urgences record: Record) throws -> Set<String> {
        guard try SAEYearTable.flag(record, "AUTSU") else { return [] }
        let general = try SAEYearTable.flag(record, "AUTGEN")
        var services: Set<String> = []
        if general { services.insert(emergency) }
        if try SAEYearTable.flag(record, "AUTPED") { services.insert(paediatric) }
        if !general, try SAEYearTable.flag(record, "AUTSAIS") { services.insert(seasonal) }
        return services
    }

    /// The services of a row of `SMURSAMU_<year>.csv`.
    static func services(smurSamu record: Record) throws -> Set<String> {
        var services: Set<String> = []
        if try SAEYearTable.flag(record, "SMUR") { services.insert(smur) }
        if try SAEYearTable.flag(record, "SAMU") { services.insert(samu) }
        return services
    }
}
