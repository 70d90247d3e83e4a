/// One FINESS establishment as read from a file, before filtering and conversion.
struct FinessEstablishment: Sendable {
    /// `nofinesset`, the site's FINESS number.
    let id: String
    /// `rslongue`, else `rs`, else the number.
    let name: String
    /// `categetab`, such as `355`.
    let category: String
    /// The FINESS département code, normalised (``FinessDepartement/normalize(_:)``).
    let departement: String?
    /// The INSEE commune code (`31555`), when the file gives one.
    let communeCode: String?
    /// The line of the establishment's record.
    let line: Int
    /// Where the file places it; nil when it gives no coordinates.
    var position: FinessPosition?
}

/// Coordinates exactly as a FINESS file gives them, with where they were read.
struct FinessPosition: Sendable {
    let x: Double
    let y: Double
    /// The projected CRS of x and y; nil when they are WGS84 longitude and latitude.
    let crs: String?
    let line: Int
    /// The column names, for error messages (`coordxet, coordyet`).
    let fields: String
}
