/// INSEE's municipal density grid in four levels.
///
/// Speeds on the road and how far people go for care depend on it.
public enum DensityClass: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case dense = 1
    case intermediate = 2
    case sparse = 3
    case verySparse = 4

    /// INSEE's name for the level (`dense`, `very sparse`…).
    public var description: String {
        switch self {
        case .dense: "dense"
        case .intermediate: "intermediate"
        case .sparse: "sparse"
        case .verySparse: "very sparse"
        }
    }
}
