/// How a sensitivity analysis samples and decomposes.
public enum SensitivityMethod: String, Sendable, Codable, CaseIterable {
    /// Morris elementary effects (μ, μ*, σ): screening, (D + 1) runs per trajectory.
    case morris
    /// Sobol' first-order and total indices on a Saltelli design: N (D + 2) runs.
    case sobol
}
