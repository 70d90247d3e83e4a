import ArgumentParser
import Foundation
import MaillageGenerator
import MaillageStore

struct DemoCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job end to end on the demo territory.",
        discussion: """
            Generates the demo territory into DIR/demo.db (replacing the one an earlier demo made) \
            and describes it. Example: maillage demo --out out
            """
    )

    /// The demo territory: a rural-and-urban département-sized area, small enough for seconds.
    static let demoOptions = try! GeneratorOptions(zones: 150, population: 180_000, seed: 2026, name: "Demo")

    @Option(help: "The folder the demo writes into.")
    var out: String = "out"

    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let path = URL(fileURLWithPath: out).appendingPathComponent("demo.db").path
        try removePreviousDemo(at: path)
        try GenerateCommand.generate(Self.demoOptions, into: path, global: global)
        print(SummaryText.table(try TerritoryDatabase.open(at: path).summary(), path: path))
    }

    /// The demo owns `demo.db` in its folder; anything else there is left alone.
    private func removePreviousDemo(at path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                throw CommandError(message: "cannot replace \(file): \(error.localizedDescription)", status: .cannotCreate)
            }
        }
    }
}
