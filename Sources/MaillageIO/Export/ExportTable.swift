/// What `maillage export` writes: one table of the territory database.
public enum ExportTable: String, Sendable, Codable, CaseIterable {
    case actors
    case zones
    case links
    /// One travel-time matrix, as given when imported.
    case matrix
}
