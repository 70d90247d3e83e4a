import Foundation
import Testing

@testable import MaillageCore

/// The Morris and Sobol' estimators against SALib (PyPI) on the Ishigami function: SALib draws
/// the sample, evaluates the function and its own indices; the same matrices, outputs and
/// bootstrap resamples go through the Swift estimators, which must agree to 1e-9.
@Suite struct SensitivityIndicesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The test virtualenv (scripts/install-test-python.sh), else python3.
    static let interpreter: String = {
        let venv = root.appendingPathComponent(".build-pytest/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
    }()

    static func python(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// SALib is there, or required because CI=true (then its absence fails the test).
    static var salibRequiredOrAvailable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || (try? python(["-c", "import SALib"]).status) == 0
    }

    struct Reference: Decodable {
        struct Sobol: Decodable {
            var outputs: [Double]
            var dimension: Int
            var resamples: [[Int]]
            var S1: [Double]
            var S1_conf: [Double]
            var ST: [Double]
            var ST_conf: [Double]
        }
        struct Morris: Decodable {
            var inputs: [[Double]]
            var outputs: [Double]
            var levels: Int
            var resamples: [[[Int]]]
            var mu: [Double]
            var mu_star: [Double]
            var sigma: [Double]
            var mu_star_conf: [Double]
        }
        var sobol: Sobol
        var morris: Morris
    }

    static func reference() throws -> Reference {
        let script = root.appendingPathComponent("scripts/sensitivity/salib_reference.py").path
        let run = try python([script, "256", "20"])
        #expect(run.status == 0)
        return try JSONDecoder().decode(Reference.self, from: run.output)
    }

    func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test(.enabled(if: salibRequiredOrAvailable, "needs SALib: make test installs it (scripts/install-test-python.sh)"))
    func sobolMatchesSALib() throws {
        let reference = try Self.reference().sobol
        let indices = SobolIndices.analyze(
            outputs: reference.outputs, dimension: reference.dimension,
            bootstrap: .indices(reference.resamples))
        #expect(close(indices.firstOrder, reference.S1), "\(indices.firstOrder) vs \(reference.S1)")
        #expect(close(indices.total, reference.ST), "\(indices.total) vs \(reference.ST)")
        #expect(
            close(indices.firstOrderConfidence, reference.S1_conf),
            "\(indices.firstOrderConfidence) vs \(reference.S1_conf)")
        #expect(close(indices.totalConfidence, reference.ST_conf), "\(indices.totalConfidence) vs \(reference.ST_conf)")
        // Ishigami (a = 7, b = 0.1) analytically: S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244.
        #expect(close(indices.firstOrder, [0.3139, 0.4424, 0], 0.15))
        #expect(close(indices.total, [0.5576, 0.4424, 0.2437], 0.15))
    }

    @Test(.enabled(if: salibRequiredOrAvailable, "needs SALib: make test installs it (scripts/install-test-python.sh)"))
    func morrisMatchesSALib() throws {
        let reference = try Self.reference().morris
        let indices = MorrisIndices.analyze(
            inputs: reference.inputs, outputs: reference.outputs, levels: reference.levels,
            bootstrap: .indicesPerInput(reference.resamples))
        #expect(close(indices.mu, reference.mu), "\(indices.mu) vs \(reference.mu)")
        #expect(close(indices.muStar, reference.mu_star), "\(indices.muStar) vs \(reference.mu_star)")
        #expect(close(indices.sigma, reference.sigma), "\(indices.sigma) vs \(reference.sigma)")
        #expect(
            close(indices.muStarConfidence, reference.mu_star_conf),
            "\(indices.muStarConfidence) vs \(reference.mu_star_conf)")
    }

    /// scipy.stats.norm.ppf(0.975) = 1.959963984540054, ppf(0.9) = 1.2815515655446004, ppf(0.01) = -2.3263478740408408.
    @Test func normalQuantileToMachinePrecision() {
        #expect(abs(NormalQuantile.of(0.975) - 1.959963984540054) < 1e-14)
        #expect(abs(NormalQuantile.of(0.9) - 1.2815515655446004) < 1e-14)
        #expect(abs(NormalQuantile.of(0.01) + 2.3263478740408408) < 1e-13)
    }

    /// A linear model y = 2 x1 − x2 (x3 inert), by hand: every elementary effect of x1 is 2, of
    /// x2 is −1, of x3 is 0, so μ = (2, −1, 0), μ* = (2, 1, 0), σ = 0.
    @Test func morrisDesignMovesOneInputAtATimeAndLinearEffectsAreExact() {
        let design = MorrisDesign(dimension: 3, trajectories: 8, levels: 4, seed: 3)
        #expect(design.points.count == 32)
        for t in 0..<8 {
            for step in 0..<3 {
                let moved = (0..<3).filter { design.points[t * 4 + step][$0] != design.points[t * 4 + step + 1][$0] }
                #expect(moved.count == 1)
                let change = abs(design.points[t * 4 + step + 1][moved[0]] - design.points[t * 4 + step][moved[0]])
                #expect(abs(change - 2.0 / 3) < 1e-12)
            }
        }
        #expect(design.points.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
        let outputs = design.points.map { 2 * $0[0] - $0[1] }
        let indices = MorrisIndices.analyze(inputs: design.points, outputs: outputs, levels: 4)
        #expect(
            close(indices.mu, [2, -1, 0], 1e-12) && close(indices.muStar, [2, 1, 0], 1e-12)
                && close(indices.sigma, [0, 0, 0], 1e-12))
        #expect(MorrisDesign(dimension: 3, trajectories: 8, levels: 4, seed: 3) == design)
    }

    /// y = x1 (uniform): all the variance is x1's, S1 = ST = 1 for it and 0 for the others (exactly, for the others).
    @Test func saltelliDesignRowsAndAnAdditiveModel() {
        let design = SaltelliDesign(dimension: 2, baseCount: 2000, seed: 9)
        #expect(design.points.count == 8000)
        let indices = SobolIndices.analyze(outputs: design.points.map { $0[0] }, dimension: 2)
        #expect(abs(indices.firstOrder[0] - 1) < 0.05 && abs(indices.total[0] - 1) < 0.05)
        #expect(indices.firstOrder[1] == 0 && indices.total[1] == 0)
    }
}
