import ArgumentParser
import Foundation
import MaillageCore
import MaillageGenerator
import MaillageSim

/// The full model at department scale: a Haute-Garonne-sized generated territory for a year.
///
/// Target (issue 5): 1.5 million inhabitants, 600 zones, about 2,000 GP sites, one simulated
/// year in under 15 s on the 2-core machine, under 64 bytes of resident memory per agent.
struct SimulationBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract:
            "One simulated year of the full model on a generated territory (default: 600 zones, 1.5 million inhabitants)."
    )

    @Option var zones = 600
    @Option var population = 1_500_000
    @Option var seed: UInt64 = 1
    @Option var days = 365
    @Option var replications = 1
    @Option var threads = 1
    @Option(help: "A JSON parameter file overriding the defaults.") var params: String?

    func run() throws {
        let territory = try Measure.time("generate") {
            try TerritoryGenerator.generate(GeneratorOptions(zones: zones, population: population, seed: seed))
        }
        let counts = territory.actorCounts
        print(
            "zones \(territory.zones.count), inhabitants \(Int(territory.population)), gp \(counts[.gp] ?? 0), msp \(counts[.msp] ?? 0), "
                + "hospitals \(counts[.hospital] ?? 0) (\(territory.actors.filter { $0.offers("emergency") }.count) with an ED)"
        )
        let before = Self.residentBytes
        let parameters = try params.map(ParameterFile.load) ?? .defaults
        let request = try SimulationRequest(
            territory: territory, parameters: parameters, days: days, seed: seed, replications: replications,
            threads: threads)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Simulation.run(request)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let peak = Measure.peakMegabytes * 1_048_576
        let perAgent = (peak - Double(before)) / Double(result.agents * min(replications, threads))
        print(
            String(
                format:
                    "simulate: %.3f s for %d agents × %d day(s) + %d warm-up × %d replication(s); %d calendar events (%.0f ns each)",
                seconds, result.agents, days, request.parameters.warmUpDays, replications, result.events,
                seconds * 1e9 / Double(max(1, result.events))))
        print(
            String(
                format:
                    "memory: resident %.0f MB before the run, peak %.0f MB: %.1f bytes per agent (per replication in flight)",
                Double(before) / 1_048_576, peak / 1_048_576, perAgent))
        for name in [
            "gp_contacts_per_inhabitant", "emergency_visits_per_inhabitant", "admissions_per_inhabitant",
            "admissions_from_emergency_per_inhabitant", "elective_admissions_per_inhabitant",
            "specialist_contacts_per_inhabitant",
            "admissions_without_bed", "bed_occupancy", "share_without_declared_gp", "unmet_needs_share",
            "follow_up_7_days_share",
            "readmission_30_days_share", "continuity_upc",
        ] {
            print("\(name) = \(result.value(name) ?? .nan)")
        }
    }

    /// The current resident set, from /proc/self/statm (pages × page size).
    static var residentBytes: Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
