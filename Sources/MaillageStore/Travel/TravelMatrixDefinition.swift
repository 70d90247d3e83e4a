/// A stored travel matrix's name and how it is read (a row of `travel_matrix`).
public struct TravelMatrixDefinition: Sendable, Hashable {
    /// The matrix's name, unique in the database (`osrm_correze`).
    public let name: String
    /// True when each row serves only its own direction; false when a row `a → b` also
    /// gives `b → a` unless the matrix has `b → a` itself.
    public let isDirected: Bool
    /// The time from a zone to itself when the matrix has no such pair.
    public let intrazoneMinutes: Double
    /// Where the matrix comes from, in words.
    public let description: String?

    /// A matrix definition; undirected with no intra-zone time unless told otherwise.
    public init(name: String, isDirected: Bool = false, intrazoneMinutes: Double = 0, description: String? = nil) {
        self.name = name
        self.isDirected = isDirected
        self.intrazoneMinutes = intrazoneMinutes
        self.description = description
    }
}
