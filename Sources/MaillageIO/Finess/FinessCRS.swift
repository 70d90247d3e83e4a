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
            let crs = byProjectionName[name]
        {
            return crs
        }
        return departement.flatMap { byDepartement[$0.uppercased()] } ?? lambert93
    }
}

extension FinessCRS {
    /// Where each system is meant to be used (EPSG areas of use, from PROJ's `proj.db`):
    /// west, south, east, north in degrees.
    static let areaOfUse: [String: (west: Double, south: Double, east: Double, north: Double, name: String)] = [
        "EPSG:2154": (-9.86, 41.15, 10.38, 51.56, "France"),
        "EPSG:4559": (-63.66, 14.08, -60.0, 18.31, "French Antilles"),
        "EPSG:2972": (-54.0, 2.17, -49.45, 8.88, "French Guiana"),
        "EPSG:2975": (54.0, -24.72, 58.24, -18.28, "Reunion"),
        "EPSG:4467": (-57.1, 43.41, -55.9, 47.37, "St Pierre and Miquelon"),
        "EPSG:4471": (43.68, -14.49, 46.7, -11.33, "Mayotte"),
    ]

    /// How far outside its area of use a converted point may fall (coasts, rounding), in degrees.
    static let areaMargin = 1.0

    /// Why a converted point cannot be right, or nil when it lies in (or near) its CRS's area.
    ///
    /// PROJ converts almost any pair of numbers from a projection, so swapped or absurd
    /// coordinates would otherwise land somewhere on the globe without a complaint.
    static func implausibility(longitude: Double, latitude: Double, crs: String) -> String? {
        guard let area = areaOfUse[crs] else { return nil }
        let inside =
            (area.west - areaMargin...area.east + areaMargin).contains(longitude)
            && (area.south - areaMargin...area.north + areaMargin).contains(latitude)
        guard !inside else { return nil }
        return
            "a position in the area of \(crs) (\(area.name): longitude \(area.west)…\(area.east), latitude \(area.south)…\(area.north)); "
            + "PROJ puts it at longitude \(longitude), latitude \(latitude) (swapped or wrong coordinates?)"
    }
}
