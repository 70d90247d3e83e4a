import ArgumentParser

/// The `maillage` command: territorial care-network modelling.
@main
struct Maillage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maillage",
        abstract: "Model a territory's care network: accessibility, patient trajectories, scenarios.",
        discussion: """
            Start with the demo:   maillage demo
            Make a territory:      maillage generate --zones 500 --population 600000 --seed 7 --out my.db
            Look inside it:        maillage info my.db

            Exit codes: 0 ok, 64 usage, 65 data error, 66 missing input, 73 cannot create output, 74 I/O error.
            """,
        version: MaillageVersionString.value,
        subcommands: [
            InitCommand.self, InfoCommand.self, GenerateCommand.self, DemoCommand.self,
            ImportCommand.self, ExportCommand.self, AccessCommand.self, LocateCommand.self,
            SimulateCommand.self, ScenarioCommand.self, CompareCommand.self, MergeCommand.self, SensitivityCommand.self, CalibrateCommand.self, ReportCommand.self,
        ]
    )
}
