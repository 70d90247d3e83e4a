import MaillageCore

/// How a zone's population splits into INSEE's six age bands.
///
/// Shares start from the national pyramid (INSEE 2020, rounded) and age in sparse zones,
/// as French rural communes do, with a little noise so that no two zones are identical.
enum AgeStructure {
    /// National shares for 0–14, 15–29, 30–44, 45–59, 60–74, 75+.
    static let nationalShares = [0.175, 0.165, 0.185, 0.195, 0.175, 0.105]
    /// Added to each band's share per step of density away from "intermediate".
    static let ageingShift = [-0.01, -0.02, -0.015, 0.0, 0.025, 0.02]

    static func split<G: RandomNumberGenerator>(
        _ population: Int, density: DensityClass, using rng: inout G
    ) -> [AgeBand: Double] {
        let steps = Double(density.rawValue - DensityClass.intermediate.rawValue)
        let shares = zip(nationalShares, ageingShift).map { base, shift in
            max(0.01, (base + steps * shift) * Sampling.uniform(0.9...1.1, using: &rng))
        }
        let counts = Sampling.apportion(population, weights: shares)
        return Dictionary(uniqueKeysWithValues: zip(AgeBand.insee, counts.map(Double.init)))
    }
}
