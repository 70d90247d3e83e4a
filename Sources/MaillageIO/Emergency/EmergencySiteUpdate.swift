/// What the emergency files say about one site, gathered before it is written.
struct EmergencySiteUpdate: Sendable {
    /// Services to add (`emergency`, `smur`…).
    var services: Set<String> = []
    /// Emergency visits in the year (PASSU), summed over the site's rows.
    var visitsPerYear: Double?
    /// Beds of the short-stay unit (LIT_UHCD), summed over the site's rows.
    var shortStayBeds: Double?
    /// The rows that spoke of the site, as (file label, line), to report skips.
    var rows: [(label: String, line: Int)] = []
}
