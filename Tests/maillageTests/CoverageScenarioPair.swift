import Foundation
import MaillageTestSupport

/// Two accessibility-only scenario files on a generated territory, `base.yaml` (emergency
/// coverage within 30 minutes, simulation off) and `same.yaml` (extends it, changes nothing):
/// the cheapest comparison the command line can run, one job per scenario.
struct CoverageScenarioPair {
    let base: String
    let same: String

    /// Generates `t.db` in `folder` and writes both files beside it.
    init(in folder: TemporaryFolder, zones: Int, population: Int, seed: Int) throws {
        let generated = try CommandLineTests.run(
            "generate", "--zones", "\(zones)", "--population", "\(population)", "--seed", "\(seed)", "--out",
            folder.path("t.db"), "-q"
        )
        guard generated.status == 0 else { throw GenerationFailed(stderr: generated.stderr) }
        base = try folder.write(
            "base.yaml",
            """
            name: base
            territory: t.db
            simulation: {enabled: false}
            indicators:
              - method: coverage
                kind: hospital
                service: emergency
                limit: 30
            """)
        same = try folder.write("same.yaml", "extends: base.yaml\nname: same\n")
    }

    /// `maillage generate` failed: what it printed.
    struct GenerationFailed: Error {
        let stderr: String
    }
}
