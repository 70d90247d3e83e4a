import ArgumentParser
import Foundation
import MaillageGenerator
import MaillageStore

struct GenerateCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a plausible synthetic territory (identical for a given seed).",
        discussion: """
            Example: maillage generate --zones 35000 --population 68000000 --seed 1 --out france.db
            """
    )

    @Option(help: "How many zones (communes).")
    var zones: Int

    @Option(help: "How many inhabitants in all.")
    var population: Int

    @Option(help: "The random seed; the same seed gives the same territory.")
    var seed: UInt64 = 1

    @Option(help: "The territory's name.")
    var name: String = "Synthetic territory"

    @Option(help: "The database file to create (refused if it exists).")
    var out: String

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let options = try GeneratorOptions(zones: zones, population: population, seed: seed, name: name)
        try Self.generate(options, into: out, global: global)
    }

    /// Generates and stores a territory, with timings on stderr.
    static func generate(_ options: GeneratorOptions, into path: String, global: GlobalOptions) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let territory = try TerritoryGenerator.generate(options)
        let generated = clock.now
        global.detail(
            "generated \(territory.zones.count) zones and \(territory.actors.count) actors in \(generated - start)")
        let database = try TerritoryDatabase.create(at: path, name: options.name)
        try database.transaction { writer in
            try writer.setMetadata(
                .origin,
                "maillage generate --zones \(options.zones) --population \(options.population) --seed \(options.seed)"
            )
        }
        try database.save(territory)
        global.detail("stored in \(clock.now - generated)")
        global.status(
            "Generated \(path): \(territory.zones.count) zones, \(SummaryText.grouped(territory.population)) inhabitants, "
                + "\(territory.actors.count) actors, \(territory.links.count) links (\(clock.now - start))"
        )
    }
}

extension GenerateCommand {
    func validate() throws {
        guard zones >= 1 else { throw ValidationError("--zones must be at least 1 (got \(zones)).") }
        guard population >= 0 else { throw ValidationError("--population cannot be negative (got \(population)).") }
    }
}
