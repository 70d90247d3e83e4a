import ArgumentParser
import Foundation

/// `maillage-bench`: the performance targets, measured on this machine, in release builds.
///
/// Each subcommand prints wall time and peak memory; `scripts/bench-*.sh` run them against
/// the peers (PySAL `access`) on the same input and write the ratios into BENCHMARKS.md.
@main
struct Benchmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maillage-bench",
        abstract: "Maillage's benchmarks (run in release: swift run -c release maillage-bench …).",
        subcommands: [
            PairsBenchmark.self, FranceE2SFCABenchmark.self, CSVE2SFCABenchmark.self, MCLPBenchmark.self,
            SimulationBenchmark.self, ReferenceRuleBenchmark.self,
        ]
    )
}

/// Wall-clock and memory measurements.
enum Measure {
    static func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "%@: %.3f s", label, seconds))
        return value
    }

    /// Peak resident memory of this process so far, in MB.
    static var peakMegabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
