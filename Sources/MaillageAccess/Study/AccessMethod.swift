import MaillageCore

/// What an accessibility study computes.
public enum AccessMethod: Sendable, Equatable {
    /// Time to the nearest site (and its id).
    case nearest
    /// Whether each zone's nearest site is within the threshold, and the territory's share.
    case coverage(threshold: Double)
    /// 2SFCA, E2SFCA or 3SFCA, by the catchment's decay and stages.
    case catchment(FloatingCatchment)
    /// Hansen's gravity potential.
    case gravity(GravityModel)

    /// The method's name in the vocabulary of commands, scenario files and stored runs.
    public var methodName: AccessMethodName {
        switch self {
        case .nearest: .nearest
        case .coverage: .coverage
        case .catchment(let c) where c.threeStage: .threeStep
        case .catchment(let c) where c.decay == .uniform: .twoStep
        case .catchment: .enhancedTwoStep
        case .gravity: .gravity
        }
    }

    /// The name used in result files and stored runs (`2sfca`, `e2sfca`, `3sfca`, …).
    public var name: String { methodName.rawValue }

    /// Whether the method needs each site's capacity.
    var needsSupply: Bool {
        switch self {
        case .nearest, .coverage: false
        case .catchment, .gravity: true
        }
    }
}
