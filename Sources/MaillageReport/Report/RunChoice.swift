/// Which stored runs of a kind a report shows.
public enum RunChoice: Sendable, Equatable {
    /// Every run of the database.
    case all
    /// None of them.
    case none
    /// This one only.
    case only(Int64)
}
