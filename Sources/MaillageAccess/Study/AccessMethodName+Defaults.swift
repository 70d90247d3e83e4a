import MaillageCore

extension AccessMethodName {
    /// The decay a catchment method uses when none is given: none (uniform) for 2SFCA, PySAL's
    /// steps (10:1, 20:0.68, 30:0.22) for E2SFCA and 3SFCA; nil for the other methods.
    public var defaultDecay: DistanceDecay? {
        switch self {
        case .twoStep: .uniform
        case .enhancedTwoStep, .threeStep: .pysalDefaultSteps
        case .nearest, .coverage, .gravity: nil
        }
    }

    /// The limit in minutes when none is given: 30 for 2SFCA, 60 for gravity, nil (every
    /// reachable site) for E2SFCA and 3SFCA; coverage has none and needs one.
    public var defaultLimit: Double? {
        switch self {
        case .twoStep: 30
        case .gravity: 60
        case .nearest, .coverage, .enhancedTwoStep, .threeStep: nil
        }
    }

    /// The gravity weight when none is given, `gravity:60:-1`: the inverse of the time in hours.
    public static let defaultGravityDecay = "gravity:60:-1"

    /// The shortest time a gravity weight uses when none is given, in minutes (a site in the zone
    /// itself would otherwise weigh infinitely).
    public static let defaultMinimumMinutes = 1.0

    /// The method these settings describe, the method's defaults filling what is not given.
    ///
    /// - Parameters:
    ///   - limit: minutes; the coverage threshold, or the catchment or gravity limit.
    ///   - decay: a catchment decay (`exponential:0.12`) or a gravity weight (`gravity:60:-1`).
    ///   - minimumMinutes: gravity only: times below this count as this.
    /// - Throws: ``AccessError/invalidParameter(_:)`` for a decay that does not read, or a
    ///   coverage without its threshold.
    public func method(
        limit: Double? = nil, decay: String? = nil, minimumMinutes: Double? = nil
    ) throws -> AccessMethod {
        switch self {
        case .nearest: return .nearest
        case .coverage:
            guard let limit else { throw AccessError.invalidParameter("coverage needs a limit in minutes") }
            return .coverage(threshold: limit)
        case .twoStep, .enhancedTwoStep, .threeStep:
            let decay = try decay.map(DistanceDecay.parse) ?? defaultDecay ?? .uniform
            let limit = limit ?? defaultLimit
            return .catchment(FloatingCatchment(decay: decay, limit: limit, threeStage: self == .threeStep))
        case .gravity:
            var model = try GravityModel.parse(decay ?? Self.defaultGravityDecay)
            model.minimumMinutes = minimumMinutes ?? Self.defaultMinimumMinutes
            model.limit = limit ?? defaultLimit
            return .gravity(model)
        }
    }
}
