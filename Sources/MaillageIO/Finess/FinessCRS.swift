import Foundation

/// The coordinate system of a FINESS position: what `sourcecoordet` says, else the département's.
///
/// FINESS gives Lambert-93 for mainland France and Corsica and a UTM zone overseas. The last
/// item of `sourcecoordet` (`1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93`) names it; when
/// it is missing or unknown the département decides.
enum FinessCRS {
    static let lambert93 = "EPSG:2154"

    /// Projection names found at the end of `sourcecoordet`.
    static let byProjectionName: [String: String] = [
        "LAMBERT_93": lambert93,
        "UTM_N20": "EPSG:4559",  // Guadeloupe, Martinique (RRAF 1991 / UTM 20N)
        "UTM_N22": "EPSG:2972",  // Guyane (RGFG95 / UTM 22N)
        "UTM_S40": "EPSG:2975",  // La Réunion (RGR92 / UTM 40S)
        "UTM_N21": "EPSG:4467",  // Saint-Pierre-et-Miquelon (RGSPM06 / UTM 21N)
        "UTM_S38": "EPSG:4471",  // Mayotte (RGM04 / UTM 38S)
    ]

    /// Overseas départements, by FINESS code (`9A`) and INSEE code (`971`).
    static let byDepartement: [String: String] = [
        "9A": "EPSG:4559", "971": "EPSG:4559", "9B": "EPSG:4559", "972": "EPSG:4559",
        "9C": "EPSG:2972", "973": "EPSG:2972", "9D": "EPSG:2975", "974": "EPSG:2975",
        "9E": "EPSG:4467", "975": "EPSG:4467", "9F": "EPSG:4471", "976": "EPSG:4471",
    ]

    /// The CRS of coordinates given with that `sourcecoordet` in that département.
    static func crs(sourceCoordinates: String?, departement: String?) -> String {
        if let name = sourceCoordinates?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces).uppercased(),
           let crs = byProjectionName[name] {
            return crs
        }
        return departement.flatMap { byDepartement[$0.uppercased()] } ?? lambert93
    }
}
