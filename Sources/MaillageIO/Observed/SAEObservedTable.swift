import MaillageFormats

/// The SAE tables (DREES, `BOR;AN;nofinesset;…`) `import observed` knows, and the series it keeps of each.
///
/// A site can have several rows in a year (URGENCES2 has one per general and paediatric
/// unit): counts are summed over them, flags take the largest.
public enum SAEObservedTable: String, Sendable, CaseIterable, Codable {
    /// `URGENCES2_<year>.csv`: emergency visits (PASSU), by age (dt80, dt18) and what followed
    /// (dtMCO: admitted to a short stay; dtLS long stay; dtHAD home hospital; dtEXT transfer).
    case urgences2 = "URGENCES2"
    /// `URGENCES_<year>.csv`: authorisations (AUTSU, AUTGEN, AUTPED, AUTSAIS), 0 or 1.
    case urgences = "URGENCES"
    /// `SMURSAMU_<year>.csv`: mobile-unit outings and SAMU calls.
    case smurSamu = "SMURSAMU"

    /// The series kept by default.
    public var defaultSeries: [String] {
        switch self {
        case .urgences2:
            [
                "PASSU", "dt80", "dt18", "dtMCO", "dtMCO80", "dtMCO18", "dtLS", "dtLS80", "dtLS18",
                "dtHAD", "dtHAD80", "dtHAD18", "dtEXT", "dtEXT80", "dtEXT18", "dtHOSP", "SEJ_UHCD",
            ]
        case .urgences: ["AUTSU", "AUTGEN", "AUTPED", "AUTSAIS"]
        case .smurSamu:
            [
                "SMUR", "SAMU", "SORTIES", "SORTER1", "SORTER2", "SORAER1", "SORAER2", "TRAN", "TRAN18", "TRAN80",
                "APP", "DR",
            ]
        }
    }

    /// Whether the series are 0/1 flags (combined by maximum) rather than counts (summed).
    var isFlags: Bool { self == .urgences }

    /// The series that must be there (the rest may be absent from an older extract).
    var requiredSeries: [String] {
        switch self {
        case .urgences2: ["PASSU"]
        case .urgences: ["AUTSU"]
        case .smurSamu: ["SMUR"]
        }
    }

    /// The table a file holds, from its header.
    static func detect(_ file: DelimitedFile) -> SAEObservedTable? {
        guard file.hasColumn("AN"), file.hasColumn("nofinesset") else { return nil }
        if file.hasColumn("PASSU") { return .urgences2 }
        if file.hasColumn("AUTSU") { return .urgences }
        if file.hasColumn("SMUR") { return .smurSamu }
        return nil
    }
}
